package io.opsflow.security.accounts;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import io.opsflow.security.ServiceAccountToken;

@Mapper
public interface ServiceAccountTokenMapper {

  @Insert("""
      INSERT INTO service_account_token (token_id, account_id, token_hash, label, created_at, created_by)
      VALUES (#{tokenId}, #{accountId}, #{tokenHash}, #{label}, #{createdAt}, #{createdBy})""")
  void insert(ServiceAccountToken token);

  @Select("SELECT * FROM service_account_token WHERE token_hash = #{hash} AND revoked_at IS NULL")
  ServiceAccountToken findActiveByHash(String hash);

  @Select("SELECT * FROM service_account_token WHERE account_id = #{accountId} ORDER BY created_at, token_id")
  List<ServiceAccountToken> findByAccount(String accountId);

  @Update("""
      UPDATE service_account_token SET revoked_at = #{at}, revoked_by = #{by}
      WHERE token_id = #{tokenId} AND account_id = #{accountId} AND revoked_at IS NULL""")
  int revoke(@Param("accountId") String accountId, @Param("tokenId") String tokenId,
      @Param("at") Instant at, @Param("by") String by);

  @Update("""
      UPDATE service_account_token SET revoked_at = #{at}, revoked_by = #{by}
      WHERE account_id = #{accountId} AND revoked_at IS NULL""")
  int revokeAll(@Param("accountId") String accountId, @Param("at") Instant at, @Param("by") String by);

  /** Records use at most once a minute, so a busy pipeline does not write on every call. */
  @Update("""
      UPDATE service_account_token SET last_used_at = #{at}
      WHERE token_id = #{tokenId} AND (last_used_at IS NULL OR last_used_at < #{staleBefore})""")
  int touch(@Param("tokenId") String tokenId, @Param("at") Instant at, @Param("staleBefore") Instant staleBefore);
}
