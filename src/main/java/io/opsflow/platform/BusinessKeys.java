package io.opsflow.platform;

import java.time.Clock;
import java.time.ZoneOffset;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers such as {@code INC-2026-0042}: one gap-free counter per prefix and year. The counter row
 * stays locked until the caller's transaction ends, so concurrent callers get distinct numbers,
 * and a rolled-back caller gives its number back.
 */
@Component
public class BusinessKeys {

  @Mapper
  interface SequenceMapper {

    @Update("UPDATE business_key_sequence SET last_value = last_value + 1 WHERE prefix = #{prefix} AND key_year = #{year}")
    int increment(@Param("prefix") String prefix, @Param("year") int year);

    @Insert("INSERT INTO business_key_sequence (prefix, key_year, last_value) VALUES (#{prefix}, #{year}, 1)")
    void start(@Param("prefix") String prefix, @Param("year") int year);

    @Select("SELECT last_value FROM business_key_sequence WHERE prefix = #{prefix} AND key_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("year") int year);
  }

  private final SequenceMapper sequences;
  private final Clock clock;

  BusinessKeys(SequenceMapper sequences, Clock clock) {
    this.sequences = sequences;
    this.clock = clock;
  }

  /** The next key for the prefix in the current (UTC) year, e.g. {@code next("INC")} gives INC-2026-0042. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String prefix) {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    if (sequences.increment(prefix, year) == 0) {
      try {
        sequences.start(prefix, year);
      } catch (DuplicateKeyException startedConcurrently) {
        sequences.increment(prefix, year);
      }
    }
    return "%s-%d-%04d".formatted(prefix, year, sequences.current(prefix, year));
  }
}
