#!/bin/sh
# Regenerates the reference readings next to this script from the repository's data/seismograms.
# Needs Debian packages: libmseed-dev sac2mseed gcc python3-numpy gawk.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$(cd "$HERE/../../../../../../../../../data/seismograms" && pwd)
TMP=$(mktemp -d)
gcc -O2 -o "$TMP/msref" "$HERE/msref.c" -lmseed
: > "$HERE/mseed-traces.txt"
for f in CH.BALST..LHE.D.2025.314 IU_ULN_00_LH1_2015-07-18T02.mseed BW.BGLD.__.EHE.D.2008.001.first_10_records \
         gaps.mseed timingquality.mseed three_records_zero_data_in_middle.mseed brokenlastrecord.mseed \
         ffbx_unrotated_gaps.mseed various_noise_records.mseed; do
  echo "FILE $f" >> "$HERE/mseed-traces.txt"
  "$TMP/msref" "$DATA/$f" >> "$HERE/mseed-traces.txt"
done
# SAC through IRIS's sac2mseed (float32 records, so no rescaling), then the same libmseed reader
: > "$HERE/sac-traces.txt"
for f in CRLZ.HHZ.10.NZ.SAC II.TLY.BHZ.SAC 19981216.BB12.BHZ.orig.SAC; do
  sac2mseed -e 4 -o "$TMP/$f.mseed" "$DATA/$f" > /dev/null
  echo "FILE $f" >> "$HERE/sac-traces.txt"
  "$TMP/msref" "$TMP/$f.mseed" | grep -v '^RECORD' >> "$HERE/sac-traces.txt"
done
cd "$DATA" && python3 "$HERE/sac_header.py" CRLZ.HHZ.10.NZ.SAC II.TLY.BHZ.SAC 19981216.BB12.BHZ.orig.SAC > "$HERE/sac-headers.txt"
# ASCII: the header line, then count / first / last / sum of the values with awk
: > "$HERE/ascii-traces.txt"
for f in BW.UH1._.SHZ.D.2010.147.cut.slist.gz BW.UH2._.SHZ.D.2010.147.cut.slist.gz BW.UH3._.SHE.D.2010.147.cut.slist.gz \
         BW.UH3._.SHN.D.2010.147.cut.slist.gz BW.UH3._.SHZ.D.2010.147.cut.slist.gz; do
  echo "FILE $f" >> "$HERE/ascii-traces.txt"
  zcat "$DATA/$f" | head -1 >> "$HERE/ascii-traces.txt"
  zcat "$DATA/$f" | tail -n +2 | awk '{for(i=1;i<=NF;i++){n++; if(n==1)f=$i; l=$i; s+=$i}} END{printf "n=%d first=%s last=%s sum=%d\n", n, f, l, s}' >> "$HERE/ascii-traces.txt"
done
echo "FILE waveform_AV.DOL.txt" >> "$HERE/ascii-traces.txt"
for c in 2 3 4; do
  grep -v '^#' "$DATA/waveform_AV.DOL.txt" | awk -v c=$c '{n++; if(n==1){f=$c; t0=$1} l=$c; t1=$1; s+=$c} END{printf "column=%d n=%d first=%s last=%s sum=%d start=%s end=%s\n", c, n, f, l, s, t0, t1}' >> "$HERE/ascii-traces.txt"
done
rm -rf "$TMP"
