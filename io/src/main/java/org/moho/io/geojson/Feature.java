package org.moho.io.geojson;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/** One encoded GeoJSON feature on its way to the file, with the key it is sorted by. */
@DefaultCoder(SerializableCoder.class)
record Feature(String sortKey, String json) implements Serializable {}
