# Writes small netCDF classic files with scipy's independent writer (scipy.io.netcdf_file), to
# test ClassicNetcdfReader against a writer that is not ours.
# Run with Debian's python3-scipy (scipy 1.10.1): cd io/src/test/resources/netcdf && python3 make_fixtures.py
import numpy as np
from scipy.io import netcdf_file

for version, name in ((1, "all_types_cdf1.nc"), (2, "all_types_cdf2.nc")):
    f = netcdf_file(name, "w", version=version)
    f.title = "all nc types"
    f.answer = np.int32(42)
    f.ratios = np.array([0.5, 0.25], dtype=">f8")
    f.createDimension("time", None)      # the record dimension
    f.createDimension("y", 3)
    f.createDimension("x", 5)
    f.createDimension("nchar", 4)
    b = f.createVariable("b", "b", ("y", "x")); b[:] = (np.arange(15) - 7).reshape(3, 5)
    c = f.createVariable("c", "c", ("y", "nchar")); c[:] = np.array([list("abcd"), list("efgh"), list("ijkl")], dtype="S1")
    s = f.createVariable("s", "h", ("y", "x")); s[:] = (np.arange(15) * -300).reshape(3, 5); s.scale_factor = 0.5; s._FillValue = np.int16(-32767)
    i = f.createVariable("i", "i", ("x",)); i[:] = np.array([1, -2, 2147483647, -2147483647, 0])
    fl = f.createVariable("f", "f", ("y", "x")); fl[:] = (np.arange(15, dtype="f4") / 8).reshape(3, 5); fl.units = "km"
    d = f.createVariable("d", "d", ("x",)); d[:] = np.array([1e300, -1.5, np.pi, 0, np.nan])
    t = f.createVariable("time", "d", ("time",)); t[:] = np.array([10.0, 20.0, 30.0, 40.0])
    r = f.createVariable("r", "h", ("time", "x")); r[:] = np.arange(20, dtype="i2").reshape(4, 5)
    rb = f.createVariable("rb", "b", ("time",)); rb[:] = np.array([1, 2, 3, 4], dtype="i1")
    f.close()
