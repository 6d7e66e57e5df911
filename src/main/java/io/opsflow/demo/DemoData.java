package io.opsflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.opsflow.catalog.ServiceCatalog;
import io.opsflow.catalog.ServiceDraft;
import io.opsflow.oncall.ContactDraft;
import io.opsflow.oncall.OnCall;
import io.opsflow.oncall.OnCallSettings;
import io.opsflow.oncall.ScheduleDraft;
import io.opsflow.tasklist.TasklistFilters;
import io.opsflow.security.Groups;
import io.opsflow.security.ServiceAccounts;

/**
 * Demo users, service accounts and services for the embedded (default) profile, so Tasklist is
 * usable at once. Never active in prod (the start-up check refuses opsflow.demo.enabled there).
 * Idempotent: a restart on the same database adds only what is missing.
 */
@Component
@ConditionalOnProperty(name = "opsflow.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  record Person(String id, String firstName, String lastName, String group) {
  }

  record Account(String id, String group, String description, String token) {
  }

  static final List<Person> PEOPLE = List.of(
      new Person("olivia", "Olivia", "Ops", Groups.OPS),
      new Person("oscar", "Oscar", "Ops", Groups.OPS),
      new Person("devon", "Devon", "Dev", Groups.DEV),
      new Person("quinn", "Quinn", "QA", Groups.QA),
      new Person("mia", "Mia", "Manager", Groups.MANAGER),
      new Person("max", "Max", "Manager", Groups.MANAGER),
      new Person("sasha", "Sasha", "Security", Groups.SECURITY));

  static final List<Account> ACCOUNTS = List.of(
      new Account("ci-bot", Groups.CI, "Demo CI pipeline", "demo-ci-token"),
      new Account("alertmanager", Groups.MONITORING, "Demo Prometheus Alertmanager", "demo-alert-token"),
      new Account("support-desk", Groups.FEEDBACK, "Demo support desk sending users' feedback", "demo-feedback-token"),
      new Account("usage-job", Groups.ANALYTICS, "Demo analytics job sending daily usage facts", "demo-analytics-token"));

  static final List<ServiceDraft> SERVICES = List.of(
      new ServiceDraft("payments-api", "Payments API", 1, Groups.DEV, Groups.OPS, List.of(), "live"),
      new ServiceDraft("web-portal", "Customer web portal", 2, Groups.DEV, Groups.OPS, List.of("payments-api"), "live"),
      new ServiceDraft("reporting", "Reporting", 3, Groups.DEV, Groups.OPS, List.of(), "live"));

  /** Olivia and Oscar take turns a week each, handing over on Mondays at 09:00 Beijing time. */
  static final ScheduleDraft OPS_SCHEDULE = new ScheduleDraft("Ops weekly", Groups.OPS, List.of("olivia", "oscar"),
      "weekly", "09:00", "Asia/Shanghai", "2026-01-05");

  static final List<ContactEntry> CONTACTS = List.of(
      new ContactEntry("olivia", new ContactDraft(null, "+8613800000001", "olivia-dd", "olivia", "ou_olivia")),
      new ContactEntry("oscar", new ContactDraft(null, "+8613800000002", "oscar-dd", "oscar", "ou_oscar")));

  record ContactEntry(String userId, ContactDraft contact) {
  }

  private final IdentityService identityService;
  private final ServiceAccounts serviceAccounts;
  private final ServiceCatalog catalog;
  private final TasklistFilters filters;
  private final OnCall onCall;
  private final OnCallSettings onCallSettings;

  DemoData(IdentityService identityService, ServiceAccounts serviceAccounts, ServiceCatalog catalog,
      TasklistFilters filters, OnCall onCall, OnCallSettings onCallSettings) {
    this.identityService = identityService;
    this.serviceAccounts = serviceAccounts;
    this.catalog = catalog;
    this.filters = filters;
    this.onCall = onCall;
    this.onCallSettings = onCallSettings;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    PEOPLE.forEach(this::ensurePerson);
    ACCOUNTS.forEach(this::ensureAccount);
    SERVICES.stream().filter(service -> catalog.find(service.key()).isEmpty()).forEach(catalog::create);
    if (onCall.schedulesOf(Groups.OPS).isEmpty()) {
      onCallSettings.createSchedule(OPS_SCHEDULE);
    }
    CONTACTS.stream().filter(entry -> onCall.contact(entry.userId()).mobile() == null)
        .forEach(entry -> onCallSettings.putContact(entry.userId(), entry.contact()));
    log.info("Demo data ready: users {} (password '{}'), service accounts {}", PEOPLE.stream().map(Person::id).toList(),
        PASSWORD, ACCOUNTS.stream().map(Account::id).toList());
  }

  private void ensurePerson(Person person) {
    if (identityService.createUserQuery().userId(person.id()).count() == 0) {
      User user = identityService.newUser(person.id());
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.id() + "@opsflow.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(person.id(), person.group());
    }
    filters.ensurePersonalFilter(person.id());
  }

  private void ensureAccount(Account account) {
    if (identityService.createUserQuery().userId(account.id()).count() == 0) {
      serviceAccounts.create(account.id(), account.group(), account.description());
    }
    if (serviceAccounts.authenticate(account.token()).isEmpty()) {
      serviceAccounts.register(account.id(), "demo token", account.token(), "demo");
    }
  }
}
