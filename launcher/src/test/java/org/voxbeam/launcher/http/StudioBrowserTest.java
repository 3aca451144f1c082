package org.voxbeam.launcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.voxbeam.api.RunSettings;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The Studio in a real browser: headless Chromium enters the token, runs the example program over a
 * synthetic case, opens the image goal, overlays the mask goal and checks that overlay pixels are
 * drawn on the canvas. Runs only where Chromium and its driver are installed; leaves a screenshot
 * in {@code target/studio/}.
 */
@Tag("browser")
class StudioBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String TOKEN = "browser-test-token";

  /** Counts canvas pixels of the overlay colour (red over grey) and of plain grey. */
  private static final String COUNT_PIXELS =
      """
      const canvas = document.querySelector('#slice-viewer canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let overlay = 0, grey = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] - data[i + 1] > 90 && data[i + 1] === data[i + 2]) overlay++;
        else if (data[i] === data[i + 1] && data[i + 1] === data[i + 2]) grey++;
      }
      return [overlay, grey];
      """;

  /** Moves the slider to the slice with the most overlay pixels, as a user scrolling would. */
  private static final String BEST_SLICE =
      """
      const slider = document.querySelector('#slice-viewer input[data-control=slice]');
      const count = new Function(arguments[0]);
      let best = 0, most = -1;
      for (let s = Number(slider.min); s <= Number(slider.max); s++) {
        slider.value = String(s);
        slider.dispatchEvent(new Event('input'));
        const [overlay] = count();
        if (overlay > most) { most = overlay; best = s; }
      }
      slider.value = String(best);
      slider.dispatchEvent(new Event('input'));
      return best;
      """;

  @TempDir Path dir;
  private VoxBeam voxbeam;
  private ApiServer server;
  private WebDriver browser;
  private String origin;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Chromium and chromedriver installed");
    voxbeam = VoxBeam.open(dir.resolve("store"));
    ServerSettings settings =
        ServerSettings.loopback(0)
            .withToken(TOKEN)
            .withDataRoots(List.of(SharedFixtures.shared().resolve("data")));
    server = new ApiServer(settings, voxbeam, RunSettings.inProcess(), "test");
    origin = "http://127.0.0.1:" + server.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1400));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
      voxbeam.close();
    }
  }

  @Test
  void aMaskIsOverlaidInColourOnItsSourceImage() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(origin + "/");
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.id("connect")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "connected"));
    assertTrue(browser.getCurrentUrl().indexOf(TOKEN) < 0, "the token must never be in a URL");

    browser.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("run-panel"), "data-state", "succeeded"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dag svg .goal")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs li.selected")));

    browser.findElement(By.cssSelector("#goals li[data-goal='image']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("result-body"), "data-ready", "image"));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    List<?> before = (List<?>) js.executeScript(COUNT_PIXELS);
    assertEquals(0L, before.get(0), "no overlay yet");
    assertTrue((Long) before.get(1) > 1000, "the image is drawn in grey: " + before);

    new Select(browser.findElement(By.id("overlay")))
        .selectByVisibleText("overlay: largest component");
    wait.until(ExpectedConditions.attributeToBe(By.id("result-body"), "data-ready", "overlay"));
    js.executeScript(BEST_SLICE, COUNT_PIXELS);
    List<?> after = (List<?>) js.executeScript(COUNT_PIXELS);
    assertTrue((Long) after.get(0) > 50, "overlay pixels are drawn: " + after);

    Path artefacts = Files.createDirectories(Path.of("target", "studio"));
    Files.write(
        artefacts.resolve("studio-overlay.png"),
        ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

    Files.write(
        artefacts.resolve("studio-result.png"),
        browser.findElement(By.id("result-panel")).getScreenshotAs(OutputType.BYTES));

    if (StudioBrowserTest.class.getResource("/org/voxbeam/launcher/studio/" + StudioRoutes.VENDOR)
        == null) {
      browser.findElement(By.id("show-3d")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".view3d"), "tools/vendor-studio.sh"));
    }

    // The case is 32 x 64 x 64 voxels: axial planes are x by y, sagittal ones y by z.
    assertEquals(List.of(32L, 64L), canvasSize(js), "axial");
    new Select(browser.findElement(By.cssSelector("#slice-viewer select")))
        .selectByVisibleText("sagittal");
    assertEquals(List.of(64L, 64L), canvasSize(js), "sagittal");
  }

  @Test
  void theVendoredThreeDimensionalViewDrawsTheImageAndItsMask() throws IOException {
    assumeTrue(
        StudioBrowserTest.class.getResource("/org/voxbeam/launcher/studio/" + StudioRoutes.VENDOR)
            != null,
        "Niivue is vendored only by the Studio's build step");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    openImageWithOverlay(wait);
    browser.findElement(By.id("show-3d")).click();
    wait.until(
        driver ->
            driver.findElement(By.cssSelector(".view3d")).getAttribute("data-ready") != null
                || driver.findElement(By.cssSelector(".view3d")).getText().contains("unavailable"));
    String text = browser.findElement(By.cssSelector(".view3d")).getText();
    Files.write(
        Files.createDirectories(Path.of("target", "studio")).resolve("studio-3d.png"),
        browser.findElement(By.cssSelector(".view3d")).getScreenshotAs(OutputType.BYTES));
    assertEquals(
        "3d", browser.findElement(By.cssSelector(".view3d")).getAttribute("data-ready"), text);
  }

  @Test
  void theDatasetExamplesScoresAreATableWithAColumnPerField() throws IOException {
    // The example names its data relative to the repository; the server resolves names against
    // its data root, which is the shared data folder itself.
    String program =
        Files.readString(Path.of("..", "examples", "synthetic-dataset", "program.imgql"))
            .replace("../shared/data/", "");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    connect(wait);
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('source').value = arguments[0];", program);
    browser.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("run-panel"), "data-state", "succeeded"));
    browser
        .findElement(By.cssSelector("#goals li[data-goal='segmented, labelled, dice per case']"))
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result-body table td")));
    List<?> shape =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const t = document.querySelector('#result-body table');"
                        + " return [t.rows.length, t.rows[0].cells.length,"
                        + " t.rows[1].cells[3].textContent];");
    assertEquals(21L, shape.get(0), "a header and a row per case: " + shape);
    assertEquals(4L, shape.get(1), "index, segmented, labelled, dice: " + shape);
    assertEquals("1", shape.get(2), "case 0 is segmented exactly: " + shape);
    assertTrue(browser.findElement(By.cssSelector("#result-body button.csv")).isEnabled());
    Files.write(
        Files.createDirectories(Path.of("target", "studio")).resolve("studio-table.png"),
        ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    browser.findElement(By.cssSelector("#dag-panel summary")).click();
    assertTrue(
        browser.findElements(By.cssSelector("#dag svg .node")).size() > 10, "the graph is drawn");
    browser.findElement(By.cssSelector("#goals li[data-goal='mean dice']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result-body pre")));
    String mean = browser.findElement(By.cssSelector("#result-body pre")).getText();
    assertTrue(mean.startsWith("0.99"), "the example's mean Dice: " + mean);
  }

  private void connect(WebDriverWait wait) {
    browser.get(origin + "/");
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.id("connect")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "connected"));
  }

  private void openImageWithOverlay(WebDriverWait wait) {
    browser.get(origin + "/");
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.id("connect")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "connected"));
    browser.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("run-panel"), "data-state", "succeeded"));
    browser.findElement(By.cssSelector("#goals li[data-goal='image']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("result-body"), "data-ready", "image"));
    new Select(browser.findElement(By.id("overlay")))
        .selectByVisibleText("overlay: largest component");
    wait.until(ExpectedConditions.attributeToBe(By.id("result-body"), "data-ready", "overlay"));
  }

  private static List<?> canvasSize(JavascriptExecutor js) {
    return (List<?>)
        js.executeScript(
            "const c = document.querySelector('#slice-viewer canvas'); return [c.width, c.height];");
  }
}
