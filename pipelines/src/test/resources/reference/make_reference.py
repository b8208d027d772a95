#!/usr/bin/python3
"""Reference values for the seismo DSP tests (org.moho.pipelines.seismo), made with SciPy.

Reads the first 4096 samples of the real GeoNet trace data/seismograms/CRLZ.HHZ.10.NZ.SAC
(SAC binary, little-endian: a 632-byte header, then float32 samples; delta is header word 0,
npts is header integer 9) and writes, one number per line, gzip-compressed:

  sos_<case>.txt.gz          scipy.signal.butter(order, Wn, btype, fs=100, output='sos'), row-major n x 6
  sosfilt_<case>.txt.gz      scipy.signal.sosfilt(sos, x)
  sosfiltfilt_<case>.txt.gz  scipy.signal.sosfiltfilt(sos, x)   (default: padtype='odd', padlen=3*ntaps)
  detrend_linear.txt.gz      scipy.signal.detrend(x, type='linear')
  tukey_0.1.txt.gz           scipy.signal.windows.tukey(4096, alpha=0.1)  (cosine taper, 5 % each end)
  resample_40hz.txt.gz       scipy.signal.resample(x[:4000], 1600)        (100 Hz -> 40 Hz by FFT)
  chain_band4.txt.gz         demean, linear detrend, tukey(alpha=0.1) taper, then sosfiltfilt with the
                             order-4 1-10 Hz band-pass: what seismo.preprocess does with those steps

Run from the repository root:   /usr/bin/python3 pipelines/src/test/resources/reference/make_reference.py
Made with Debian bookworm python3-scipy 1.10.1 and python3-numpy 1.24.2
(apt-get update && apt-get install -y python3-scipy python3-numpy).
"""
import gzip
import os

import numpy as np
import scipy
import scipy.signal as sig

HERE = os.path.dirname(os.path.abspath(__file__))
SAC = os.path.join(HERE, '..', '..', '..', '..', '..', 'data', 'seismograms', 'CRLZ.HHZ.10.NZ.SAC')
N = 4096

raw = open(SAC, 'rb').read()
header_f = np.frombuffer(raw[:280], dtype='<f4')
header_i = np.frombuffer(raw[280:440], dtype='<i4')
delta, npts = float(header_f[0]), int(header_i[9])
assert npts == 32768, npts
fs = round(1.0 / delta)  # 100 Hz (delta is stored as float32 0.0099999998)
x = np.frombuffer(raw[632:632 + 4 * N], dtype='<f4').astype(np.float64)


def write(name, values):
    text = ''.join('%.17g\n' % v for v in np.ravel(values))
    # mtime=0 keeps the .gz bytes identical from run to run
    with gzip.GzipFile(os.path.join(HERE, name), 'wb', mtime=0) as f:
        f.write(text.encode('ascii'))


CASES = {
    'low2': (2, 5.0, 'lowpass'),
    'low4': (4, 5.0, 'lowpass'),
    'high2': (2, 1.0, 'highpass'),
    'high4': (4, 1.0, 'highpass'),
    'band2': (2, [1.0, 10.0], 'bandpass'),
    'band4': (4, [1.0, 10.0], 'bandpass'),
}
for case, (order, wn, btype) in CASES.items():
    sos = sig.butter(order, wn, btype=btype, fs=fs, output='sos')
    write('sos_%s.txt.gz' % case, sos)
    write('sosfilt_%s.txt.gz' % case, sig.sosfilt(sos, x))
    write('sosfiltfilt_%s.txt.gz' % case, sig.sosfiltfilt(sos, x))

write('detrend_linear.txt.gz', sig.detrend(x, type='linear'))
write('tukey_0.1.txt.gz', sig.windows.tukey(N, alpha=0.1))
write('resample_40hz.txt.gz', sig.resample(x[:4000], 1600))
chain = sig.detrend(x - x.mean(), type='linear') * sig.windows.tukey(N, alpha=0.1)
write('chain_band4.txt.gz', sig.sosfiltfilt(sig.butter(4, [1.0, 10.0], btype='bandpass', fs=fs, output='sos'), chain))
print('scipy', scipy.__version__, 'numpy', np.__version__, 'fs', fs, 'peak', np.abs(x).max())
