#!/bin/sh
# Regenerates the filter reference values (run from the repo root; GMT 6.4.0 and python3-scipy
# from Debian were used for the committed files).
set -e
R=pipelines/src/test/resources/reference
T=$(mktemp -d)
# 1. GMT: Gaussian of full width 100 km (GMT: width = 6 sigma), x scaled by cos(y) (-D3), NaN in -> NaN out.
gmt grdfilter data/bathymetry/tut_bathy.nc -Fg100 -D3 -Nr -G$T/g100.nc
gmt grd2xyz $T/g100.nc | awk 'NR % 7 == 1' > $R/gmt_grdfilter_tut_bathy_Fg100_D3.xyz
# 2. scipy: normalised convolution in node units (width 7 nodes, sigma 7/6, circle r <= 3.5),
#    with nodes shallower than -1000 m masked as NaN, to check edges and holes.
python3 $R/normconv_reference.py data/bathymetry/tut_bathy.asc > $R/scipy_normconv_tut_bathy_g7nodes_mask1000.xyz
rm -rf $T
