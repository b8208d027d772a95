package org.moho.io.seismo;

/** A unit of a file that could not be decoded: where it starts (byte offset) and why. */
record DecodeError(long offset, String reason) {}
