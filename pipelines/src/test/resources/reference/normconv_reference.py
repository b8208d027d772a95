"""Independent reference for grid.filter: normalised convolution with scipy.ndimage.

Reads an ESRI ASCII grid, masks nodes with z > -1000 (NaN), filters with a Gaussian of full
width W = 7 nodes (sigma = W/6, weights on the circle r <= W/2), weights renormalised over the
valid nodes (outside the grid counts as invalid), NaN in -> NaN out. Prints "col row value" for
every 5th node (col west->east, row south->north, from 0)."""
import sys, numpy as np
from scipy import ndimage
lines = open(sys.argv[1]).read().split('\n')
hdr = {l.split()[0].lower(): float(l.split()[1]) for l in lines[:6]}
z = np.array([[float(v) for v in l.split()] for l in lines[6:] if l.strip()])[::-1]
z[z == hdr['nodata_value']] = np.nan
z[z > -1000] = np.nan
W = 7.0; sig = W / 6.0; r = int(np.floor(W / 2))
yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
k = np.exp(-0.5 * (xx**2 + yy**2) / sig**2) * ((xx**2 + yy**2) <= (W / 2)**2)
valid = ~np.isnan(z)
num = ndimage.correlate(np.where(valid, z, 0.0), k, mode='constant', cval=0.0)
den = ndimage.correlate(valid.astype(float), k, mode='constant', cval=0.0)
out = np.where(valid, num / den, np.nan)
ny, nx = z.shape
n = 0
for j in range(ny):
    for i in range(nx):
        if n % 5 == 0:
            print(i, j, 'NaN' if np.isnan(out[j, i]) else '%.6f' % out[j, i])
        n += 1
