package io.opsflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every model in {@code processes/} reads well in Camunda Modeler and Cockpit ({@link DiagramLayout}),
 * and each check finds what it is there for in a copy of a real diagram broken on purpose.
 */
class DiagramLayoutTest {

  private static final Path PROCESSES = Path.of("processes");

  @Test
  void everyModelReadsLeftToRightWithNoShapeOnAnother() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.list(PROCESSES)) {
      models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(8);
    for (Path model : models) {
      assertThat(DiagramLayout.problems(model.getFileName().toString(), DiagramLayout.read(model)))
          .as("diagram problems of %s", model.getFileName()).isEmpty();
    }
  }

  @Test
  void aFlowNodeWithoutAShapeIsFound() throws IOException {
    assertThat(broken("change-release.bpmn", doc -> {
      Element shape = shape(doc, "Task_ApproveChange");
      shape.getParentNode().removeChild(shape);
    })).containsExactly("change-release.bpmn: userTask Task_ApproveChange has no shape");
  }

  @Test
  void twoShapesOnTopOfEachOtherAreFound() throws IOException {
    assertThat(broken("change-release.bpmn", doc -> moveTo(doc, "Task_CheckPolicies", "Task_AssessRisk", 10, 10)))
        .containsExactly("change-release.bpmn: Task_AssessRisk and Task_CheckPolicies overlap");
  }

  @Test
  void aBoundaryEventMayOverlapItsHostButNoOtherShape() throws IOException {
    assertThat(broken("change-release.bpmn",
        doc -> moveTo(doc, "Boundary_ReportedDuringInvestigation", "Task_InvestigateDeployment", 40, 20))).isEmpty();
    assertThat(broken("change-release.bpmn",
        doc -> moveTo(doc, "Boundary_ReportedDuringInvestigation", "Task_ExtendDeadline", 40, 20)))
        .containsExactly("change-release.bpmn: Boundary_ReportedDuringInvestigation and Task_ExtendDeadline overlap");
  }

  @Test
  void contentOutsideItsExpandedSubProcessIsFound() throws IOException {
    assertThat(broken("post-launch-retrospective.bpmn", doc -> moveTo(doc, "Task_EscalateItem", "SubProcess_ActionItem", 406, 440)))
        .containsExactly("post-launch-retrospective.bpmn: Task_EscalateItem lies outside its sub-process SubProcess_ActionItem");
  }

  @Test
  void contentDrawnOnTheMainPlaneOfACollapsedSubProcessIsFound() throws IOException {
    List<String> problems = broken("post-launch-retrospective.bpmn",
        doc -> shape(doc, "SubProcess_ActionItem").setAttribute("isExpanded", "false"));
    assertThat(problems).contains(
        "post-launch-retrospective.bpmn: Task_ImplementImprovement is drawn on the same plane as its collapsed sub-process SubProcess_ActionItem");
    assertThat(problems).allMatch(problem -> problem.contains("is drawn on the same plane as its collapsed sub-process"));
  }

  @Test
  void anEndEventLeftOfAStartEventIsFound() throws IOException {
    assertThat(broken("change-release.bpmn", doc -> bounds(shape(doc, "End_Rejected")).setAttribute("x", "0")))
        .containsExactly("change-release.bpmn: end event End_Rejected does not lie right of start event "
            + "StartEvent_ChangeRequested (change-release)");
  }

  @Test
  void aStepLeftOfItsLevelsStartIsFound() throws IOException {
    assertThat(broken("change-release.bpmn", doc -> bounds(shape(doc, "Task_RejectChange")).setAttribute("x", "-200")))
        .containsExactly("change-release.bpmn: Task_RejectChange begins left of the first start event of change-release");
  }

  private static List<String> broken(String file, Consumer<Document> breakIt) throws IOException {
    Document document = DiagramLayout.read(PROCESSES.resolve(file));
    breakIt.accept(document);
    return DiagramLayout.problems(file, document);
  }

  /** Puts a shape's top left corner at another shape's, moved by dx, dy. */
  private static void moveTo(Document document, String id, String other, int dx, int dy) {
    Element target = bounds(shape(document, other));
    Element moved = bounds(shape(document, id));
    moved.setAttribute("x", String.valueOf(Double.parseDouble(target.getAttribute("x")) + dx));
    moved.setAttribute("y", String.valueOf(Double.parseDouble(target.getAttribute("y")) + dy));
  }

  private static Element shape(Document document, String id) {
    var shapes = document.getElementsByTagNameNS(DiagramLayout.BPMNDI, "BPMNShape");
    for (int i = 0; i < shapes.getLength(); i++) {
      Element shape = (Element) shapes.item(i);
      if (id.equals(shape.getAttribute("bpmnElement"))) {
        return shape;
      }
    }
    throw new IllegalArgumentException("no shape for " + id);
  }

  private static Element bounds(Element shape) {
    return DiagramLayout.children(shape, DiagramLayout.DC, "Bounds").get(0);
  }
}
