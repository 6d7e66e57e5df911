package io.opsflow.kernel.keys;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers such as {@code INC-2026-0042}: one gap-free counter per prefix and year. The counter row
 * stays locked until the caller's transaction ends, so concurrent callers get distinct numbers,
 * and a rolled-back caller gives its number back.
 * <p>
 * The counter is created and counted up in one statement. Creating it with an insert and counting
 * up with an update after a duplicate-key refusal made callers that took the first key of a year at
 * the same moment deadlock on MySQL/MariaDB (each holds a shared lock from its refused insert and
 * waits for the others' to update): requests failed with 500.
 */
@Component
public class BusinessKeys {

  @Mapper
  interface SequenceMapper {

    @Insert("""
        INSERT INTO business_key_sequence (prefix, key_year, last_value) VALUES (#{prefix}, #{year}, 1)
        ON DUPLICATE KEY UPDATE last_value = last_value + 1""")
    void countUpMysql(@Param("prefix") String prefix, @Param("year") int year);

    @Update("""
        MERGE INTO business_key_sequence s
        USING (VALUES (CAST(#{prefix} AS VARCHAR(16)), CAST(#{year} AS INT))) AS v (prefix, key_year)
        ON s.prefix = v.prefix AND s.key_year = v.key_year
        WHEN MATCHED THEN UPDATE SET last_value = s.last_value + 1
        WHEN NOT MATCHED THEN INSERT (prefix, key_year, last_value) VALUES (v.prefix, v.key_year, 1)""")
    void countUpStandard(@Param("prefix") String prefix, @Param("year") int year);

    @Select("SELECT last_value FROM business_key_sequence WHERE prefix = #{prefix} AND key_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("year") int year);
  }

  private final SequenceMapper sequences;
  private final Clock clock;
  private final boolean mysql;

  BusinessKeys(SequenceMapper sequences, Clock clock, DataSource dataSource) throws MetaDataAccessException {
    this.sequences = sequences;
    this.clock = clock;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    DatabaseDriver driver = DatabaseDriver.fromProductName(product);
    this.mysql = driver == DatabaseDriver.MYSQL || driver == DatabaseDriver.MARIADB;
  }

  /** The next key for the prefix in the current (UTC) year, e.g. {@code next("INC")} gives INC-2026-0042. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix) {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    if (mysql) {
      sequences.countUpMysql(prefix, year);
    } else {
      sequences.countUpStandard(prefix, year);
    }
    return "%s-%d-%04d".formatted(prefix, year, sequences.current(prefix, year));
  }
}
