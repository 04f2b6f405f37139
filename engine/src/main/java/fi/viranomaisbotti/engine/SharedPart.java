package fi.viranomaisbotti.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A part of a knowledge runtime that several runtimes may use (a publish that left the rules
 * unchanged keeps the compiled rules), closed when the last runtime using it lets it go.
 * Thread-safe.
 */
final class SharedPart<T extends AutoCloseable> {
  private final T value;
  /** Runtimes holding the part; zero means closed. */
  private final AtomicInteger holders = new AtomicInteger(1);

  /** The part, held once by its maker. */
  SharedPart(T value) {
    this.value = value;
  }

  T get() {
    return value;
  }

  /**
   * Holds the part once more.
   *
   * @throws IllegalStateException if it has been closed: only a holder may share it
   */
  SharedPart<T> retain() {
    while (true) {
      int n = holders.get();
      if (n == 0) {
        throw new IllegalStateException("A closed " + value.getClass().getSimpleName() + " cannot be shared");
      }
      if (holders.compareAndSet(n, n + 1)) {
        return this;
      }
    }
  }

  /** Lets the part go once; the last release closes it. */
  void release() {
    int left = holders.decrementAndGet();
    if (left == 0) {
      try {
        value.close();
      } catch (Exception e) {
        throw new IllegalStateException("Closing the " + value.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
      }
    } else if (left < 0) {
      throw new IllegalStateException("The " + value.getClass().getSimpleName() + " was released more often than held");
    }
  }

  boolean isClosed() {
    return holders.get() == 0;
  }
}
