/* Independent miniSEED reference reader (libmseed 2.19, the C library that ObsPy wraps):
   prints one line per record and one per merged trace (time tolerance: half a sample). */
#include <stdio.h>
#include <libmseed.h>
static double val(void *d, char t, int64_t i) {
  switch (t) { case 'i': return ((int32_t*)d)[i]; case 'f': return ((float*)d)[i];
               case 'd': return ((double*)d)[i]; default: return 0; }
}
int main(int argc, char **argv) {
  MSRecord *msr = NULL; MSTraceGroup *mstg = mst_initgroup(NULL);
  off_t fpos; int last, rv, nrec = 0; char ts[40], te[40];
  while ((rv = ms_readmsr(&msr, argv[1], 0, &fpos, &last, 1, 1, 0)) == MS_NOERROR) {
    ms_hptime2isotimestr(msr_starttime(msr), ts, 1);
    printf("RECORD offset=%lld reclen=%d id=%s.%s.%s.%s start=%s nsamp=%lld rate=%.6f enc=%d\n",
           (long long)fpos, msr->reclen, msr->network, msr->station, msr->location, msr->channel,
           ts, (long long)msr->numsamples, msr->samprate, msr->encoding);
    nrec++;
    if (msr->numsamples > 0) mst_addmsrtogroup(mstg, msr, 0, -1.0, -1.0);
  }
  if (rv != MS_ENDOFFILE) printf("ERROR code=%d %s after %d records\n", rv, ms_errorstr(rv), nrec);
  ms_readmsr(&msr, NULL, 0, NULL, NULL, 0, 0, 0);
  mst_groupsort(mstg, 1);
  for (MSTrace *t = mstg->traces; t; t = t->next) {
    double sum = 0; for (int64_t i = 0; i < t->numsamples; i++) sum += val(t->datasamples, t->sampletype, i);
    ms_hptime2isotimestr(t->starttime, ts, 1); ms_hptime2isotimestr(t->endtime, te, 1);
    printf("TRACE %s.%s.%s.%s start=%s end=%s rate=%.6f n=%lld first=%.9g,%.9g,%.9g last=%.9g sum=%.17g\n",
           t->network, t->station, t->location, t->channel, ts, te, t->samprate, (long long)t->numsamples,
           val(t->datasamples, t->sampletype, 0), val(t->datasamples, t->sampletype, 1),
           val(t->datasamples, t->sampletype, 2), val(t->datasamples, t->sampletype, t->numsamples - 1), sum);
  }
  printf("RECORDS %d\n", nrec);
  return 0;
}
