package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;

/**
 * Keeps {@code docs/architecture/} what the code is: Modulith's Documenter writes the all-modules
 * diagram, a component diagram and a canvas per module, this test adds {@code events.puml} (which
 * event goes from which module to which), and puts them into the committed folder. It fails when a file changed, appeared or went away, so a stale commit fails the build;
 * the rerun after committing the rewritten files passes. The folder's README.md is written by hand.
 */
class ModuleDocumentationTest {

  private static final Path COMMITTED = Path.of("docs", "architecture");
  private static final Path GENERATED = Path.of("target", "modulith-docs");
  private static final String HAND_WRITTEN = "README.md";

  @Test
  void committedModuleDocumentationIsWhatTheCodeSays() throws IOException {
    ApplicationModules modules = ApplicationModules.of(OpsFlowApplication.class);
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
        .writeDocumentation();
    Files.writeString(GENERATED.resolve("events.puml"), eventsDiagram(modules));

    Map<String, String> generated = new TreeMap<>();
    read(GENERATED).forEach((name, content) -> generated.put(name, inStableOrder(content)));
    Map<String, String> committed = read(COMMITTED);
    committed.remove(HAND_WRITTEN);
    assertThat(generated).isNotEmpty();

    List<String> stale = new ArrayList<>();
    Files.createDirectories(COMMITTED);
    for (var file : generated.entrySet()) {
      if (!file.getValue().equals(committed.get(file.getKey()))) {
        Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
        stale.add(file.getKey() + (committed.containsKey(file.getKey()) ? " (rewritten)" : " (new)"));
      }
    }
    for (String name : committed.keySet()) {
      if (!generated.containsKey(name)) {
        Files.delete(COMMITTED.resolve(name));
        stale.add(name + " (deleted)");
      }
    }
    assertThat(stale).as("docs/architecture was stale and has been rewritten; commit it").isEmpty();
  }

  /**
   * One box per module, an arrow from each module that creates an event (its constructor or a static
   * factory) to each module that listens to it.
   */
  private static String eventsDiagram(ApplicationModules modules) {
    Map<String, TreeSet<String>> events = new TreeMap<>();
    List<ApplicationModule> all = modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
    for (ApplicationModule listener : all) {
      for (JavaClass event : listener.getEventsListenedTo(modules)) {
        for (ApplicationModule publisher : publishers(event, modules)) {
          if (!publisher.equals(listener)) {
            events.computeIfAbsent(publisher.getName() + " --> " + listener.getName(), edge -> new TreeSet<>())
                .add(event.getSimpleName());
          }
        }
      }
    }
    StringBuilder uml = new StringBuilder("@startuml\ntitle OpsFlow: events between modules\nleft to right direction\n\n");
    all.forEach(module -> uml.append("component \"").append(module.getDisplayName()).append("\" as ")
        .append(module.getName()).append('\n'));
    uml.append('\n');
    events.forEach((edge, names) -> uml.append(edge).append(" : ").append(String.join("\\n", names)).append('\n'));
    return uml.append("@enduml\n").toString();
  }

  private static List<ApplicationModule> publishers(JavaClass event, ApplicationModules modules) {
    Stream<JavaClass> creators = Stream.concat(
        event.getConstructorCallsToSelf().stream().map(call -> call.getOriginOwner()),
        event.getMethodCallsToSelf().stream()
            .filter(call -> call.getTarget().getRawReturnType().equals(event)
                && call.getTarget().resolveMember().map(method -> method.getModifiers().contains(JavaModifier.STATIC))
                    .orElse(false))
            .map(call -> call.getOriginOwner()));
    return creators.filter(creator -> !creator.equals(event))
        .map(modules::getModuleByType).flatMap(Optional::stream).distinct().toList();
  }

  /**
   * The Documenter lists relations, components and canvas entries in an order that depends on what
   * was asked of the modules before (another test in the same JVM): each run of such lines is sorted.
   */
  static String inStableOrder(String content) {
    List<String> lines = new ArrayList<>(content.lines().toList());
    int start = 0;
    while (start < lines.size()) {
      String kind = listKind(lines.get(start), true);
      int end = start + 1;
      while (kind != null && end < lines.size() && kind.equals(listKind(lines.get(end), false))) {
        end++;
      }
      if (kind != null && end - start > 1) {
        boolean tableCell = lines.get(start).startsWith("|* ");
        List<String> run = new ArrayList<>(lines.subList(start, end).stream()
            .map(line -> tableCell && line.startsWith("|") ? line.substring(1) : line).sorted().toList());
        if (tableCell) {
          run.set(0, "|" + run.get(0));
        }
        for (int i = 0; i < run.size(); i++) {
          lines.set(start + i, run.get(i));
        }
      }
      start = end;
    }
    return String.join("\n", lines) + (content.endsWith("\n") ? "\n" : "");
  }

  private static String listKind(String line, boolean first) {
    if (line.startsWith("Rel(")) {
      return "Rel";
    }
    if (line.startsWith("  Component(")) {
      return "Component";
    }
    if (line.startsWith("* `") || first && line.startsWith("|* `")) {
      return "item";
    }
    return null;
  }

  private static Map<String, String> read(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(path.getFileName().toString(), Files.readString(path));
      }
    }
    return files;
  }
}
