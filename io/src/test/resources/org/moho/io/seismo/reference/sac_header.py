"""Independent SAC header dump (plain struct + numpy, no seismology library): one line per
defined header value, NAME=VALUE, floats printed as the shortest decimal of their float32."""
import struct, sys
import numpy as np

FLOATS = {"delta": 0, "b": 5, "e": 6, "o": 7, "a": 8, "stla": 31, "stlo": 32, "stel": 33, "stdp": 34,
          "evla": 35, "evlo": 36, "evdp": 38, "mag": 39, "dist": 50, "az": 51, "baz": 52, "gcarc": 53,
          "cmpaz": 57, "cmpinc": 58}
INTS = {"nzyear": 70, "nzjday": 71, "nzhour": 72, "nzmin": 73, "nzsec": 74, "nzmsec": 75, "nvhdr": 76, "npts": 79}
STRINGS = {"kstnm": (440, 8), "kevnm": (448, 16), "khole": (464, 8), "kcmpnm": (600, 8), "knetwk": (608, 8)}

for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    order = "<" if struct.unpack("<i", raw[304:308])[0] == 6 else ">"
    words = raw[:440]
    f = np.frombuffer(words[:280], dtype=order + "f4")
    i = np.frombuffer(words[280:440], dtype=order + "i4")
    print("FILE", path.split("/")[-1], "byteorder=" + ("little" if order == "<" else "big"))
    for name, k in FLOATS.items():
        if f[k] != -12345.0:
            print(" ", name + "=" + str(np.float32(f[k])))
    for name, k in INTS.items():
        print(" ", name + "=" + str(int(i[k - 70])))
    for name, (off, n) in STRINGS.items():
        s = raw[off:off + n].decode("ascii").strip("\0 ").strip()
        if s and s != "-12345":
            print(" ", name + "=" + s)
    data = np.frombuffer(raw[632:632 + 4 * int(i[79 - 70])], dtype=order + "f4")
    print(" ", "samples=%d first=%s last=%s sum=%.17g" % (len(data), repr(float(data[0])), repr(float(data[-1])), float(np.sum(data.astype(np.float64)))))
