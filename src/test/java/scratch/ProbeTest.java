package scratch;
import org.junit.jupiter.api.Test;
import io.opsflow.feedback.analysis.*;
class ProbeTest {
  @Test void probe() throws Exception {
    SentimentAnalyzer a = SentimentAnalyzer.load();
    for (String t : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/probe.txt"))) {
      if (t.isBlank()) continue;
      TextAnalysis r = a.analyze(t);
      System.out.println("PROBE " + r.sentiment().code() + " " + r.score() + " | " + t);
    }
  }
}
