package io.opsflow.kernel.domain;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.EnumTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * MyBatis's default enum handler in OpsFlow: a {@link Coded} enum is written and read by its code;
 * any other enum by its name, as MyBatis does. A code the enum does not know fails the read: a
 * value written by a newer version or by hand is a defect to see, not a null to guess around.
 */
public class CodedTypeHandler<E extends Enum<E>> extends BaseTypeHandler<E> {

  private final Class<E> type;
  private final EnumTypeHandler<E> byName;

  public CodedTypeHandler(Class<E> type) {
    this.type = type;
    this.byName = Coded.class.isAssignableFrom(type) ? null : new EnumTypeHandler<>(type);
  }

  @Override
  public void setNonNullParameter(PreparedStatement statement, int index, E value, JdbcType jdbcType)
      throws SQLException {
    if (byName != null) {
      byName.setNonNullParameter(statement, index, value, jdbcType);
    } else {
      statement.setString(index, ((Coded) value).code());
    }
  }

  @Override
  public E getNullableResult(ResultSet rows, String column) throws SQLException {
    return byName != null ? byName.getNullableResult(rows, column) : decode(rows.getString(column));
  }

  @Override
  public E getNullableResult(ResultSet rows, int column) throws SQLException {
    return byName != null ? byName.getNullableResult(rows, column) : decode(rows.getString(column));
  }

  @Override
  public E getNullableResult(CallableStatement call, int column) throws SQLException {
    return byName != null ? byName.getNullableResult(call, column) : decode(call.getString(column));
  }

  private E decode(String code) {
    Object constant = Codes.constant(type, code);
    if (code != null && constant == null) {
      throw new IllegalStateException("The database holds '" + code + "', which is not a " + type.getSimpleName()
          + " (" + Codes.list(type) + ")");
    }
    return type.cast(constant);
  }
}
