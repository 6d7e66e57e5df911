package io.opsflow.kernel.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What people read of the models in a language other than their own English:
 * {@code processes/names.<language>.properties}, next to the models. Each text of a model (see
 * {@link #texts(BpmnModelInstance)}, {@link #texts(DmnModelInstance)}) has a key: a process by its key
 * ({@code incident-response=上报事件}), everything drawn in a process's diagram (tasks, events, gateways,
 * sequence flows, sub-processes, lanes, text annotations; a pool by the process it holds) by process key
 * and element id ({@code incident-response.Task_AcknowledgeTriage=确认与分诊}) and a user task's
 * documentation with {@code .description} appended; a decision by its key, a DMN file (its decision
 * requirements) by the id of its definitions, and a decision table's input and output labels and rule
 * annotations by decision key and element id ({@code incident-priority-matrix.Input_Impact=影响范围}). A
 * text may use the same expressions as the model's ({@code ${service}}).
 * <p>
 * {@link #translate(byte[])} writes a model with the language's texts, as Chinese installations deploy
 * it: the engine, Tasklist and Cockpit (diagrams, decision tables) all read them from there. Only these
 * texts change (read and written as plain XML, so nothing else is added or dropped): ids, keys,
 * expressions, messages, errors and the diagram stay as they are; a text the bundle lacks stays English.
 */
final class ModelNames {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** A text people read in a model: its key in the bundle, the model's own (English) text, and how to replace it. */
  record Text(String key, String english, Consumer<String> replace) {
  }

  /** The bundle's resource for a language, e.g. {@code processes/names.zh-CN.properties}. */
  static String resource(String language) {
    return "processes/names." + language + ".properties";
  }

  private final Map<String, String> names;

  private ModelNames(Map<String, String> names) {
    this.names = names;
  }

  /** The models' own names: nothing is renamed. */
  static ModelNames english() {
    return new ModelNames(Map.of());
  }

  /** The names of {@code language} from the classpath; {@code en} is the models' own. */
  static ModelNames of(String language) {
    if (language.equals("en")) {
      return english();
    }
    String resource = resource(language);
    try (InputStream in = ModelNames.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No names for opsflow.language " + language + ": " + resource + " is missing");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> names = new HashMap<>();
      properties.stringPropertyNames().forEach(key -> names.put(key, properties.getProperty(key).strip()));
      return new ModelNames(Map.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  boolean isEnglish() {
    return names.isEmpty();
  }

  Optional<String> text(String key) {
    return Optional.ofNullable(names.get(key));
  }

  /** A BPMN or DMN model with this language's texts; anything else as it is. */
  byte[] translate(byte[] model) {
    if (isEnglish()) {
      return model;
    }
    Document document = parse(model);
    List<Text> texts = texts(document);
    if (texts.isEmpty()) {
      return model;
    }
    texts.forEach(text -> text(text.key()).ifPresent(text.replace()));
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(xml));
      return xml.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("Cannot write a translated model", e);
    }
  }

  static Document parse(byte[] model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(model));
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a readable model", e);
    }
  }

  /** Every text of a BPMN or DMN model that has one, in the order of the file; none for anything else. */
  static List<Text> texts(Document model) {
    Element root = model.getDocumentElement();
    List<Text> texts = new ArrayList<>();
    if (BPMN.equals(root.getNamespaceURI())) {
      for (Element process : descendants(root, "process")) {
        String key = process.getAttribute("id");
        attribute(texts, key, process, "name");
        for (Element element : descendants(process, "*")) {
          String id = key + "." + element.getAttribute("id");
          attribute(texts, id, element, "name");
          if (element.getLocalName().equals("userTask")) {
            children(element, "documentation").forEach(documentation -> content(texts, id + ".description", documentation));
          } else if (element.getLocalName().equals("textAnnotation")) {
            children(element, "text").forEach(text -> content(texts, id, text));
          }
        }
      }
      for (Element pool : descendants(root, "participant")) {
        attribute(texts, pool.getAttribute("processRef") + "." + pool.getAttribute("id"), pool, "name");
      }
    } else if (DMN.equals(root.getNamespaceURI())) {
      attribute(texts, root.getAttribute("id"), root, "name");
      for (Element decision : descendants(root, "decision")) {
        String key = decision.getAttribute("id");
        attribute(texts, key, decision, "name");
        for (Element element : descendants(decision, "*")) {
          String id = key + "." + element.getAttribute("id");
          switch (element.getLocalName()) {
            case "input", "output" -> attribute(texts, id, element, "label");
            case "rule" -> children(element, "description").forEach(annotation -> content(texts, id, annotation));
            default -> { }
          }
        }
      }
    }
    return texts;
  }

  private static void attribute(List<Text> texts, String key, Element element, String attribute) {
    String english = element.getAttribute(attribute);
    if (!english.isBlank()) {
      texts.add(new Text(key, english, text -> element.setAttribute(attribute, text)));
    }
  }

  private static void content(List<Text> texts, String key, Element element) {
    String english = element.getTextContent();
    if (!english.isBlank()) {
      texts.add(new Text(key, english.strip(), element::setTextContent));
    }
  }

  /** The elements of the model's own namespace below {@code element}, in the order of the file. */
  private static List<Element> descendants(Element element, String name) {
    NodeList found = element.getElementsByTagNameNS(element.getNamespaceURI(), name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      elements.add((Element) found.item(i));
    }
    return elements;
  }

  private static List<Element> children(Element element, String name) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && name.equals(e.getLocalName())
          && element.getNamespaceURI().equals(e.getNamespaceURI())) {
        children.add(e);
      }
    }
    return children;
  }
}
