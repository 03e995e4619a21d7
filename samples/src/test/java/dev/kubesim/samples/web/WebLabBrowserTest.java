package dev.kubesim.samples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The lab page in a real headless Chromium, driven through its chromedriver as a student would use
 * it: typing lines, pressing the clock's buttons, stepping through the last request's hops.
 *
 * <p>The browser and driver are Debian's ({@code chromium}, {@code chromium-driver}) at fixed
 * paths, named explicitly so that Selenium Manager never downloads either. Without them the test is
 * skipped on a developer's machine, and fails in CI ({@code CI=true}), where {@code .ci/run}
 * installs them. The test never sleeps: after each action it waits for the page's own promise of
 * the requests made so far ({@code window.kubesimSettled()}).
 */
class WebLabBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Where the test leaves its screenshot of the main view (a copy is in the README). */
  private static final Path SCREENSHOT = Path.of("target", "web", "kubesim-web.png");

  private WebServer server;
  private ChromeDriver browser;

  @BeforeEach
  void openBrowser(@TempDir Path profile) {
    requireBrowser();
    server = WebServer.start(0, new Sessions(() -> new LabSession(1, 3), 20, Duration.ofMinutes(30), Clock.systemUTC()));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1500,1150", "--user-data-dir=" + profile.toAbsolutePath());
    browser = new ChromeDriver(service, options);
    // a generous bound for executeAsyncScript, so a broken page fails the test instead of hanging it
    browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aStudentCreatesKubiaCurlsItLetsTimePassAndStepsThroughTheHops() throws Exception {
    browser.get(server.uri().toString());
    settle();
    assertThat(browser.getTitle()).isEqualTo("kubesim web");
    assertThat(text("prompt")).isEqualTo("kubesim$ ");

    type("kubectl create -f kubia-rc.yaml");
    type("kubectl create -f kubia-svc.yaml");
    type("kubectl get pods");
    assertThat(text("terminal-output"))
        .contains("replicationcontroller/kubia created")
        .contains("service/kubia created")
        .contains("NAME")
        .containsPattern("kubia-[a-z0-9]{5} ");

    String before = text("clock");
    click("advance-60");
    assertThat(text("clock")).isNotEqualTo(before);
    assertThat(Long.parseLong(browser.findElement(By.id("clock")).getDomAttribute("data-millis")))
        .isGreaterThanOrEqualTo(60_000);
    assertThat(browser.findElements(By.cssSelector("#cluster li.pod.ready[data-pod^='default/kubia-']"))).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("#cluster tr.service")))
        .anySatisfy(row -> assertThat(row.getText()).startsWith("kubia ClusterIP"));

    type("kubectl exec $(pod app=kubia) -- curl -s http://kubia");
    assertThat(text("terminal-output")).contains("You've hit kubia-");
    // the pictures: the cluster map with the request's way, and the request's sequence diagram
    assertThat(browser.findElements(By.cssSelector("#cluster-map svg"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#trace-map svg"))).hasSize(1);

    // the last request's hops, one a row, walked with Next and Previous
    List<WebElement> rows = browser.findElements(By.cssSelector("#hop-list tbody tr"));
    assertThat(rows).hasSizeGreaterThan(3);
    assertThat(text("hop-position")).isEqualTo("hop 1 of " + rows.size());
    assertThat(browser.findElement(By.id("hop-prev")).isEnabled()).isFalse();
    // the map marks where the first hop is: the client pod that sent it
    List<String> first = mapCurrent();
    assertThat(first).singleElement().asString().startsWith("pod/default/kubia-");
    assertThat(text("map-hop")).startsWith("hop 1 of " + rows.size() + ": " + rows.get(0).findElements(By.tagName("td")).get(4).getText());
    Set<List<String>> places = new LinkedHashSet<>();
    places.add(first);
    int dnat = -1;
    for (int i = 1; i < rows.size(); i++) {
      click("hop-next");
      assertThat(text("hop-position")).isEqualTo("hop " + (i + 1) + " of " + rows.size());
      assertThat(rows.get(i).getDomAttribute("class")).contains("current");
      assertThat(text("hop-action")).isEqualTo(rows.get(i).findElements(By.tagName("td")).get(4).getText());
      // the caption beside the map says the same as the table's row
      assertThat(text("map-hop-action")).isEqualTo(text("hop-action"));
      assertThat(text("map-hop-rule")).isEqualTo(rows.get(i).findElements(By.tagName("td")).get(6).getText());
      places.add(mapCurrent());
      if (text("hop-action").equals("DNAT") && text("hop-object").equals("service/default/kubia")) {
        assertThat(text("hop-rule")).startsWith("KUBE-SVC-");
        assertThat(text("map-hop")).contains("DNAT service/default/kubia KUBE-SVC-");
        // the node's netfilter and the Service are marked, and the edge to the chosen endpoint
        List<String> here = mapCurrent();
        assertThat(here).hasSize(2);
        assertThat(here.get(0)).startsWith("node/node-");
        assertThat(here.get(1)).isEqualTo("service/default/kubia");
        List<WebElement> edge = browser.findElements(By.cssSelector(
            "#cluster-map path.current[data-from='service/default/kubia'][data-to^='pod/default/kubia-']"));
        assertThat(edge).hasSize(1);
        assertThat(edge.get(0).getCssValue("stroke-width")).isEqualTo("4px");
        dnat = i;
      }
    }
    assertThat(dnat).as("a hop DNATs to the kubia Service by a KUBE-SVC- rule").isPositive();
    assertThat(places).as("the map's current element moves as the hops are stepped").hasSizeGreaterThan(3);
    assertThat(browser.findElement(By.id("hop-next")).isEnabled()).isFalse();
    click("hop-prev");
    assertThat(text("hop-position")).isEqualTo("hop " + (rows.size() - 1) + " of " + rows.size());

    // the arrows bring back earlier lines
    WebElement input = browser.findElement(By.id("terminal-input"));
    input.sendKeys(Keys.ARROW_UP);
    assertThat(input.getDomProperty("value")).isEqualTo("kubectl exec $(pod app=kubia) -- curl -s http://kubia");
    input.sendKeys(Keys.ARROW_UP);
    assertThat(input.getDomProperty("value")).isEqualTo("kubectl get pods");
    input.sendKeys(Keys.ARROW_DOWN);
    assertThat(input.getDomProperty("value")).isEqualTo("kubectl exec $(pod app=kubia) -- curl -s http://kubia");
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

    // a row picks its hop; the screenshot shows kube-proxy's DNAT
    rows.get(dnat).click();
    assertThat(text("hop-position")).isEqualTo("hop " + (dnat + 1) + " of " + rows.size());
    assertThat(mapCurrent()).contains("service/default/kubia");

    screenshot();
  }

  @Test
  void aStudentStartsTheKubiaLabAndRunsItsFirstSteps() {
    browser.get(server.uri().toString());
    settle();
    click("lab-start");
    assertThat(browser.findElement(By.id("lab")).isDisplayed()).isTrue();
    assertThat(text("lab-name")).isEqualTo("kubia");
    assertThat(text("lab-explanation")).startsWith("Kubernetes in Action, chapter 5: Services.");
    assertThat(text("lab-command")).isEqualTo("kubectl create -f kubia-rc.yaml");
    click("lab-next");
    assertThat(text("terminal-output")).contains("$ kubectl create -f kubia-rc.yaml\nreplicationcontroller/kubia created");
    assertThat(text("lab-command")).isEqualTo("kubectl create -f kubia-svc.yaml");
    assertThat(text("lab-step")).startsWith("step 2 of ");
  }

  /** Skips the test without the browser, or fails it in CI, where it must run. */
  private static void requireBrowser() {
    List<Path> missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message = "the browser test needs Debian's chromium and chromium-driver (missing: " + missing
        + "); install them with: apt-get install -y chromium chromium-driver";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true: the browser test may not be skipped)");
    }
    Assumptions.abort(message);
  }

  private void type(String line) {
    browser.findElement(By.id("terminal-input")).sendKeys(line, Keys.ENTER);
    settle();
  }

  private void click(String id) {
    browser.findElement(By.id(id)).click();
    settle();
  }

  /** Waits until the page has answered and drawn every request made so far. */
  private void settle() {
    ((JavascriptExecutor) browser).executeAsyncScript("window.kubesimSettled().then(arguments[arguments.length - 1]);");
  }

  /** The data-ref of each shape the map marks as the current hop's place, in the SVG's order. */
  private List<String> mapCurrent() {
    return browser.findElements(By.cssSelector("#cluster-map [data-ref].current")).stream()
        .map(e -> e.getDomAttribute("data-ref")).toList();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void screenshot() throws Exception {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    File png = browser.getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(png.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }
}
