-- On-call schedules: who of a group is on call when. Members rotate in their order, one per day or
-- week, handing over at a local time of the schedule's zone from its start date on.
CREATE TABLE oncall_schedule (
  schedule_id   VARCHAR(36)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  group_id      VARCHAR(64)  NOT NULL,
  rotation      VARCHAR(10)  NOT NULL,
  handoff_time  VARCHAR(5)   NOT NULL,
  time_zone     VARCHAR(64)  NOT NULL,
  start_date    DATE         NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  CONSTRAINT pk_oncall_schedule PRIMARY KEY (schedule_id)
);
CREATE INDEX ix_oncall_schedule_group ON oncall_schedule (group_id);

CREATE TABLE oncall_member (
  schedule_id  VARCHAR(36) NOT NULL,
  member_no    INT         NOT NULL,
  user_id      VARCHAR(64) NOT NULL,
  CONSTRAINT pk_oncall_member PRIMARY KEY (schedule_id, member_no),
  CONSTRAINT fk_oncall_member_schedule FOREIGN KEY (schedule_id) REFERENCES oncall_schedule (schedule_id)
);

-- Someone else on call for a while (a swap, a holiday); wins over the rotation. Times in UTC.
CREATE TABLE oncall_override (
  override_id  VARCHAR(36) NOT NULL,
  schedule_id  VARCHAR(36) NOT NULL,
  user_id      VARCHAR(64) NOT NULL,
  starts_at    DATETIME(3) NOT NULL,
  ends_at      DATETIME(3) NOT NULL,
  created_by   VARCHAR(64) NOT NULL,
  created_at   DATETIME(3) NOT NULL,
  CONSTRAINT pk_oncall_override PRIMARY KEY (override_id),
  CONSTRAINT fk_oncall_override_schedule FOREIGN KEY (schedule_id) REFERENCES oncall_schedule (schedule_id)
);
CREATE INDEX ix_oncall_override_schedule ON oncall_override (schedule_id, ends_at);

-- Who is paged after how many minutes without acknowledgement, per service or as a group's default.
-- scope: 'service:<key>' or 'group:<id>'; pages ("notify" in the API): on-call, next-on-call, schedule:<id>, group:<id>, user:<id>.
CREATE TABLE oncall_escalation_level (
  scope          VARCHAR(80)  NOT NULL,
  level_no       INT          NOT NULL,
  after_minutes  INT          NOT NULL,
  pages          VARCHAR(100) NOT NULL,
  updated_by     VARCHAR(64)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  CONSTRAINT pk_oncall_escalation_level PRIMARY KEY (scope, level_no)
);
CREATE INDEX ix_oncall_escalation_pages ON oncall_escalation_level (pages);

-- How to reach a person beyond Camunda's profile e-mail: the address and chat ids used to mail or
-- mention whoever is on call.
CREATE TABLE person_contact (
  user_id           VARCHAR(64)  NOT NULL,
  email             VARCHAR(254),
  mobile            VARCHAR(20),
  dingtalk_user_id  VARCHAR(64),
  wecom_user_id     VARCHAR(64),
  feishu_user_id    VARCHAR(64),
  updated_at        DATETIME(3)  NOT NULL,
  CONSTRAINT pk_person_contact PRIMARY KEY (user_id)
);
