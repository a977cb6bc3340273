package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.model.NeuralNetwork;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.ChildProcess;
import ai.bigdata.core.testing.SharedData;
import ai.bigdata.core.train.Trainer;
import ai.bigdata.core.train.TrainingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML reports in headless Chromium (Debian's chromium package, which .ci/run installs):
 * the page renders to a screenshot, the charts are in the rendered DOM, and the browser logs no console
 * error. A page with a deliberate script error proves that console errors are caught.
 */
@ExtendWith(ArrowLeakCheck.class)
class HtmlReportIT {
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private record Rendered(String dom, String log, long screenshotBytes) {
    }

    private Rendered render(Path html) throws Exception {
        Path shot = dir.resolve(html.getFileName() + ".png");
        ChildProcess.Result domRun = ChildProcess.run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()), dir, BROWSER_TIMEOUT);
        assertThat(domRun.exitCode()).as(domRun.output()).isZero();
        ChildProcess.Result shotRun = ChildProcess.run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--window-size=1200,2000", "--screenshot=" + shot, html.toUri().toString()), dir, BROWSER_TIMEOUT);
        assertThat(shotRun.exitCode()).as(shotRun.output()).isZero();
        return new Rendered(domRun.stdout(), domRun.stderr(), Files.exists(shot) ? Files.size(shot) : 0);
    }

    private static List<String> consoleErrors(String log) {
        return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
    }

    @Test
    void reportsRenderWithChartsAndNoConsoleErrors() throws Exception {
        Path page;
        Path regressionPage = dir.resolve("regression.html");
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region");
             Split split = olive.split().train(0.7).validation(0.3).stratifyBy("area").seed(3).build()) {
            Transform prep = Pipeline.of(Impute.median(), Scale.standard()).fit(split.train());
            try (Dataset train = prep.apply(split.train()); Dataset val = prep.apply(split.validation())) {
                NeuralNetwork model = NeuralNetwork.mlp().hidden(32).build();
                TrainingHistory h = Trainer.builder().epochs(15).build().fit(model, train, val);
                ClassificationReport report = Evaluator.classification().evaluate(model, val);
                page = dir.resolve("classification.html");
                Files.writeString(page, HtmlReport.classification(report, h.curves()));
            }
        }
        double[][] y = new double[200][];
        double[][] p = new double[200][];
        for (int i = 0; i < 200; i++) {
            y[i] = new double[] {i * 0.1};
            p[i] = new double[] {i * 0.1 + Math.sin(i)};
        }
        new RegressionReport(y, p).writeHtml(regressionPage);

        Rendered c = render(page);
        assertThat(consoleErrors(c.log())).isEmpty();
        assertThat(c.screenshotBytes()).isGreaterThan(20_000);
        assertThat(c.dom()).contains("<svg id=\"confusion\"", "<svg id=\"roc\"", "<svg id=\"pr\"", "<svg id=\"loss\"",
                "class=\"series\"", "class=\"cell\"", "weighted avg");
        Rendered r = render(regressionPage);
        assertThat(consoleErrors(r.log())).isEmpty();
        assertThat(r.dom()).contains("<svg id=\"scatter\"", "<circle");
        assertThat(r.screenshotBytes()).isGreaterThan(10_000);
    }

    @Test
    void aBrokenPageIsCaught() throws Exception {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><p>x</p><script>notDefinedAnywhere();</script></body></html>");
        assertThat(consoleErrors(render(broken).log())).isNotEmpty();
    }
}
