package io.opsflow.notify.outbox;

/**
 * A row to insert and the key the database generates for it: MyBatis fills {@link #getId()} after
 * {@code INSERT} ({@code keyProperty = "id"}). The SQL reads the row's fields as {@code #{row.name}}.
 */
public final class Inserted<T> {

  private final T row;
  private Long id;

  Inserted(T row) {
    this.row = row;
  }

  public T getRow() {
    return row;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
