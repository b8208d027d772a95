package org.moho.models.autoencoder;

import java.io.Serializable;

/** One hit of a nearest-neighbour search: the record's key, its row in the index, the distance. */
public record Neighbour(String key, int index, double distance) implements Serializable {}
