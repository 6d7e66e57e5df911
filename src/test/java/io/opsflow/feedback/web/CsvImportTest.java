package io.opsflow.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsflow.feedback.Channel;
import io.opsflow.kernel.web.ApiException;

class CsvImportTest {

  @Test
  void readsQuotedCellsLineBreaksABomAndColumnsInAnyOrderAndCase() {
    String csv = "\uFEFFText,Service,channel,EXTERNALID,rating,occurredAt,device\r\n"
        + "\"好用, 但是 \"\"偶尔\"\" 卡\n第二行\",payments-api,app-store,r-1,4,2026-11-27T09:00:00+08:00,iPhone\r\n"
        + "Crashes 😡,payments-api,in-app,r-2,,,Pixel\r\n";

    List<CsvImport.Row> rows = CsvImport.read(new StringReader(csv));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).row()).isEqualTo(2);
    assertThat(rows.get(0).draft().text()).isEqualTo("好用, 但是 \"偶尔\" 卡\n第二行");
    assertThat(rows.get(0).draft().channel()).isEqualTo(Channel.APP_STORE);
    assertThat(rows.get(0).draft().rating()).isEqualTo(4);
    assertThat(rows.get(0).draft().occurredAt().toInstant()).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
    assertThat(rows.get(1).draft().text()).isEqualTo("Crashes 😡");
    assertThat(rows.get(1).draft().rating()).isNull();
    assertThat(rows.get(1).draft().occurredAt()).isNull();
  }

  @Test
  void aCellThatCannotBeReadRefusesItsRowOnly() {
    String csv = "service,channel,externalId,text,rating,occurredAt\n"
        + "payments-api,fax,r-1,hello,five,yesterday\n"
        + "payments-api,support,r-2,fine,5,\n";

    List<CsvImport.Row> rows = CsvImport.read(new StringReader(csv));

    assertThat(rows.get(0).draft()).isNull();
    assertThat(rows.get(0).errors()).hasSize(3).anySatisfy(error -> assertThat(error).contains("channel 'fax'"))
        .anySatisfy(error -> assertThat(error).contains("rating 'five'"))
        .anySatisfy(error -> assertThat(error).contains("occurredAt 'yesterday'"));
    assertThat(rows.get(1).draft()).isNotNull();
  }

  @Test
  void aFileWithoutARequiredColumnIsRefusedWhole() {
    assertThatThrownBy(() -> CsvImport.read(new StringReader("service,channel,text\npayments-api,support,hi\n")))
        .isInstanceOf(ApiException.class).hasMessageContaining("no column externalId");
    assertThatThrownBy(() -> CsvImport.read(new StringReader("service,service,channel,externalId,text\n")))
        .isInstanceOf(ApiException.class);
  }
}
