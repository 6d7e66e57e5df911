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
      new Person("sasha", "Sasha", "Security", Groups.SECURITY));

  static final List<Account> ACCOUNTS = List.of(
      new Account("ci-bot", Groups.CI, "Demo CI pipeline", "demo-ci-token"),
      new Account("alertmanager", Groups.MONITORING, "Demo Prometheus Alertmanager", "demo-alert-token"));

  static final List<ServiceDraft> SERVICES = List.of(
      new ServiceDraft("payments-api", "Payments API", 1, Groups.DEV, Groups.OPS, List.of()),
      new ServiceDraft("web-portal", "Customer web portal", 2, Groups.DEV, Groups.OPS, List.of("payments-api")),
      new ServiceDraft("reporting", "Reporting", 3, Groups.DEV, Groups.OPS, List.of()));

  private final IdentityService identityService;
  private final ServiceAccounts serviceAccounts;
  private final ServiceCatalog catalog;
  private final TasklistFilters filters;

  DemoData(IdentityService identityService, ServiceAccounts serviceAccounts, ServiceCatalog catalog,
      TasklistFilters filters) {
    this.identityService = identityService;
    this.serviceAccounts = serviceAccounts;
    this.catalog = catalog;
    this.filters = filters;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    PEOPLE.forEach(this::ensurePerson);
    ACCOUNTS.forEach(this::ensureAccount);
    SERVICES.stream().filter(service -> catalog.find(service.key()).isEmpty()).forEach(catalog::create);
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
