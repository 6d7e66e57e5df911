package io.opsflow.kernel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opsflow.support.IntegrationTest;
import io.opsflow.support.TestDatabase;

/**
 * The two queries of Camunda's that read its job and task tables whole on its MySQL schema can use
 * the indexes V36 adds (bench/tuning/camunda-indexes.sh times them with 40,000 timers): the job
 * executor's acquisition and the sub-tasks looked up on every task completion. The plans' possible
 * keys are checked, not the chosen one: on the tests' small tables MariaDB may rightly scan.
 */
class CamundaIndexesIT extends IntegrationTest {

  @Test
  void jobAcquisitionCanReadDueJobsByIndex() {
    assertThat(possibleKeys("""
        SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES
        WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= NOW())
          AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < NOW()) AND RES.SUSPENSION_STATE_ = 1
        LIMIT 3 OFFSET 0""")).contains("OPSFLOW_IDX_JOB_DUEDATE");
  }

  @Test
  void subTasksOfATaskAreFoundByIndex() {
    assertThat(possibleKeys("SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'some-task'"))
        .contains("OPSFLOW_IDX_TASK_PARENT");
  }

  private static String possibleKeys(String sql) {
    List<List<String>> plan = TestDatabase.rows(DATABASE, "EXPLAIN " + sql);
    assertThat(plan).hasSize(1);
    return String.valueOf(plan.get(0).get(4));
  }
}
