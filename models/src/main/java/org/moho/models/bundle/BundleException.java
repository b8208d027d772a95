package org.moho.models.bundle;

/** A model bundle that cannot be used, with the reason in words a user understands. */
public final class BundleException extends RuntimeException {
  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
