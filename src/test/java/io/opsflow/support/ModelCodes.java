package io.opsflow.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.kernel.domain.Coded;

/**
 * The text codes the shipped models write (DMN outputs, form options), read from the files, so a
 * test can hold them against the {@link Coded} enum the steps read them with.
 */
public final class ModelCodes {

  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

  private ModelCodes() {
  }

  public static List<String> of(Class<? extends Coded> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
  }

  /** Every value the decision tables of a DMN file give for this output (FEEL string literals, unquoted). */
  public static List<String> decisionOutputs(Path dmn, String output) {
    List<String> values = new ArrayList<>();
    for (DecisionTable table : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(DecisionTable.class)) {
      List<String> names = table.getOutputs().stream().map(Output::getName).toList();
      int column = names.indexOf(output);
      if (column >= 0) {
        for (Rule rule : table.getRules()) {
          values.add(unquote(new ArrayList<>(rule.getOutputEntries()).get(column).getTextContent()));
        }
      }
    }
    return values;
  }

  /** Every string literal the rules of a DMN file test this input for ({@code "auto"}, {@code not("auto","peer")}). */
  public static List<String> decisionInputs(Path dmn, String input) {
    List<String> values = new ArrayList<>();
    for (DecisionTable table : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(DecisionTable.class)) {
      List<String> names = table.getInputs().stream().map(column -> column.getInputExpression().getText().getTextContent())
          .toList();
      int column = names.indexOf(input);
      if (column >= 0) {
        for (Rule rule : table.getRules()) {
          Matcher literal = LITERAL.matcher(new ArrayList<>(rule.getInputEntries()).get(column).getTextContent());
          while (literal.find()) {
            values.add(literal.group(1));
          }
        }
      }
    }
    return values;
  }

  /** The values a select or radio field of a Camunda Form offers. */
  public static List<String> formOptions(Path form, String key) throws IOException {
    List<String> values = new ArrayList<>();
    for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> values.add(option.path("value").asText()));
      }
    }
    return values;
  }

  private static String unquote(String text) {
    String stripped = text.strip();
    return stripped.startsWith("\"") && stripped.endsWith("\"") ? stripped.substring(1, stripped.length() - 1) : stripped;
  }
}
