package io.opsflow.processes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What makes a BPMN diagram read well, checked on its DI: every flow node has a shape; no two
 * shapes on a plane overlap (a boundary event may overlap its host; labels are not shapes);
 * whatever a sub-process contains lies inside the sub-process when drawn on its plane, which it
 * may be only when the sub-process is expanded; and each level of a process (the process, each
 * sub-process) reads left to right: its start events lie left of its end events, and none of its
 * flow nodes begins left of its first start event.
 */
final class DiagramLayout {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

  private static final Set<String> CONTAINERS = Set.of("subProcess", "transaction", "adHocSubProcess");
  private static final Set<String> NODES = Set.of("task", "userTask", "serviceTask", "scriptTask", "sendTask",
      "receiveTask", "manualTask", "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
      "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");
  /** Shapes share an edge or a corner when they touch; they overlap when they share more than this. */
  private static final double TOUCH = 2;
  private static final double SLACK = 1;

  private record FlowNode(String id, String kind, String level, String container, String host) {
  }

  private record Box(double x1, double y1, double x2, double y2) {
    double centerX() {
      return (x1 + x2) / 2;
    }

    boolean overlaps(Box other) {
      return Math.min(x2, other.x2) - Math.max(x1, other.x1) > TOUCH
          && Math.min(y2, other.y2) - Math.max(y1, other.y1) > TOUCH;
    }

    boolean inside(Box other) {
      return x1 >= other.x1 - SLACK && y1 >= other.y1 - SLACK && x2 <= other.x2 + SLACK && y2 <= other.y2 + SLACK;
    }
  }

  private DiagramLayout() {
  }

  static Document read(Path file) throws IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("Cannot read " + file, e);
    }
  }

  /** One line per problem, each starting with {@code name}; none when the diagram reads well. */
  static List<String> problems(String name, Document document) {
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    for (Element process : children(document.getDocumentElement(), BPMN, "process")) {
      collect(process, process.getAttribute("id"), null, nodes);
    }
    List<String> problems = new ArrayList<>();
    Set<String> drawn = new java.util.HashSet<>();
    for (Node plane : iterable(document.getElementsByTagNameNS(BPMNDI, "BPMNPlane"))) {
      Map<String, Box> box = new LinkedHashMap<>();
      Map<String, Boolean> expanded = new HashMap<>();
      for (Element shape : children((Element) plane, BPMNDI, "BPMNShape")) {
        String id = shape.getAttribute("bpmnElement");
        List<Element> bounds = children(shape, DC, "Bounds");
        if (nodes.containsKey(id) && !bounds.isEmpty()) {
          Element b = bounds.get(0);
          double x = number(b, "x");
          double y = number(b, "y");
          box.put(id, new Box(x, y, x + number(b, "width"), y + number(b, "height")));
          expanded.put(id, "true".equals(shape.getAttribute("isExpanded")));
        }
      }
      drawn.addAll(box.keySet());
      insideTheirSubProcess(name, nodes, box, expanded, problems);
      noOverlaps(name, nodes, box, problems);
      leftToRight(name, nodes, box, problems);
    }
    nodes.values().stream().filter(node -> !drawn.contains(node.id()))
        .forEach(node -> problems.add(name + ": " + node.kind() + " " + node.id() + " has no shape"));
    return problems;
  }

  private static void insideTheirSubProcess(String name, Map<String, FlowNode> nodes, Map<String, Box> box,
      Map<String, Boolean> expanded, List<String> problems) {
    box.forEach((id, node) -> {
      String container = nodes.get(id).container();
      if (container == null || !box.containsKey(container) || "boundaryEvent".equals(nodes.get(id).kind())) {
        return;
      }
      if (!expanded.get(container)) {
        problems.add(name + ": " + id + " is drawn on the same plane as its collapsed sub-process " + container);
      } else if (!node.inside(box.get(container))) {
        problems.add(name + ": " + id + " lies outside its sub-process " + container);
      }
    });
  }

  private static void noOverlaps(String name, Map<String, FlowNode> nodes, Map<String, Box> box, List<String> problems) {
    List<String> ids = new ArrayList<>(box.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        if (box.get(a).overlaps(box.get(b)) && !mayOverlap(nodes, a, b) && !mayOverlap(nodes, b, a)) {
          problems.add(name + ": " + a + " and " + b + " overlap");
        }
      }
    }
  }

  /** A node may overlap the sub-processes it lies in; a boundary event also its host. */
  private static boolean mayOverlap(Map<String, FlowNode> nodes, String id, String other) {
    FlowNode node = nodes.get(id);
    if (other.equals(node.host())) {
      return true;
    }
    for (String container = node.container(); container != null; container = nodes.get(container).container()) {
      if (container.equals(other)) {
        return true;
      }
    }
    return false;
  }

  private static void leftToRight(String name, Map<String, FlowNode> nodes, Map<String, Box> box, List<String> problems) {
    Map<String, List<FlowNode>> levels = new LinkedHashMap<>();
    nodes.values().stream().filter(node -> box.containsKey(node.id()))
        .forEach(node -> levels.computeIfAbsent(node.level(), level -> new ArrayList<>()).add(node));
    levels.forEach((level, members) -> {
      List<FlowNode> starts = members.stream().filter(node -> "startEvent".equals(node.kind())).toList();
      if (starts.isEmpty()) {
        return;
      }
      double firstStart = starts.stream().mapToDouble(start -> box.get(start.id()).x1()).min().orElseThrow();
      for (FlowNode node : members) {
        Box shape = box.get(node.id());
        if ("endEvent".equals(node.kind())) {
          starts.stream().filter(start -> box.get(start.id()).centerX() >= shape.centerX()).forEach(start -> problems.add(
              name + ": end event " + node.id() + " does not lie right of start event " + start.id() + " (" + level + ")"));
        } else if (!"boundaryEvent".equals(node.kind()) && shape.x1() < firstStart - SLACK) {
          problems.add(name + ": " + node.id() + " begins left of the first start event of " + level);
        }
      }
    });
  }

  private static void collect(Element parent, String level, String container, Map<String, FlowNode> nodes) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (!(child instanceof Element element) || !BPMN.equals(element.getNamespaceURI())) {
        continue;
      }
      String kind = element.getLocalName();
      String id = element.getAttribute("id");
      if (NODES.contains(kind) && !id.isEmpty()) {
        String host = element.hasAttribute("attachedToRef") ? element.getAttribute("attachedToRef") : null;
        nodes.put(id, new FlowNode(id, kind, level, container, host));
        if (CONTAINERS.contains(kind)) {
          collect(element, id, id, nodes);
        }
      } else if ("laneSet".equals(kind) || "lane".equals(kind)) {
        collect(element, level, container, nodes);
      }
    }
  }

  static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static Iterable<Node> iterable(org.w3c.dom.NodeList list) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      nodes.add(list.item(i));
    }
    return nodes;
  }

  private static double number(Element element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute));
  }
}
