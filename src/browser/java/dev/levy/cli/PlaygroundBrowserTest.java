package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in Debian's headless Chromium, driven by the system chromedriver: {@code levy serve} on a free
 * loopback port, the form filled as an analyst would, the result and the chart read off the page.
 */
@Tag("browser")
class PlaygroundBrowserTest {
    static final String CHROMIUM = System.getProperty("levy.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("levy.chromedriver", "/usr/bin/chromedriver");

    static URI base;
    static Path profile;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Thread serve = new Thread(() -> LevyCommand.commandLine().execute("serve", "--port", String.valueOf(port)),
                "levy-serve");
        serve.setDaemon(true);
        serve.start();
        base = URI.create("http://127.0.0.1:" + port + "/");
        awaitHealthy(base.resolve("/healthz"));

        profile = Files.createTempDirectory("levy-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1200,1600", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void awaitHealthy(URI health) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("levy serve did not answer " + health + " in 120 s");
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openPage() {
        driver.manage().window().setSize(new Dimension(1200, 1600));
        driver.get(base.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=declarations]")));
    }

    private static void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Date inputs take keys in the browser's locale; their value is always YYYY-MM-DD. */
    private static void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", driver.findElement(By.id(id)), isoDate);
    }

    private static void fillJapaneseCar() {
        type("hts", "8703.23.01");
        type("origin", "JP");
        setDate("entryDate", "2025-04-17");
        type("value", "30000");
    }

    @Test
    void evaluatesTheJapaneseCarAndDrawsItsYear() throws IOException {
        fillJapaneseCar();
        driver.findElement(By.id("evaluate")).click();
        WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total-rate")));
        assertEquals("27.5%", total.getText());

        WebElement autos = driver.findElement(By.cssSelector("tr[data-program=SECTION_232_AUTOS]"));
        assertTrue(autos.getText().contains("9903.94.01"), autos.getText());
        assertTrue(autos.getText().contains("25% × $30,000.00 = $7,500.00"), autos.getText());
        WebElement mfn = driver.findElement(By.cssSelector("tr[data-program=MFN]"));
        assertTrue(mfn.getText().contains("2.5% × $30,000.00 = $750.00"), mfn.getText());
        assertTrue(driver.findElement(By.cssSelector(".not-applied")).getText().contains("IEEPA_RECIPROCAL"));

        driver.findElement(By.id("show-chart")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        for (String day : List.of("2025-04-03", "2025-09-16")) {
            WebElement change = driver.findElement(By.cssSelector("#changes li[data-date='" + day + "']"));
            assertTrue(change.getText().contains("SECTION_232_AUTOS"), change.getText());
            WebElement marker = driver.findElement(By.cssSelector("#timeline-svg g.marker[data-date='" + day + "']"));
            assertTrue(marker.findElement(By.cssSelector("text.label")).getText().contains(day));
        }
        assertTrue(driver.findElement(By.cssSelector("#changes li[data-date='2025-04-03']")).getText()
                .contains("Proclamation 10908"));
        screenshot("playground.png");
    }

    @Test
    void showsARejectionOnItsField() {
        fillJapaneseCar();
        type("hts", "12");
        driver.findElement(By.id("evaluate")).click();
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(alert.getText().contains("INVALID_HTS"), alert.getText());
        assertEquals("true", driver.findElement(By.id("hts")).getAttribute("aria-invalid"));
    }

    @Test
    void aLinkWithAsKnownEvaluatesThatLawAndSaysSo() {
        driver.get(base.resolve("/?hts=8479.50.00&origin=JP&entryDate=2025-08-20&value=10000&asKnown=2025-08-20")
                .toString());
        WebElement view = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view")));
        assertEquals("Law as known on 2025-08-20 (not the final schedule)", view.getText());
        assertEquals("17.5%", driver.findElement(By.id("total-rate")).getText());
        assertEquals("Refundable $0.00", driver.findElement(By.id("refundable")).getText(),
                "as known in 2025 no court had held IEEPA duties unlawful");
    }

    @Test
    void showsWhatIsRefundableAndMarksTheMeasureHeldUnlawful() {
        driver.get(base.resolve("/?hts=3925.90.00&origin=DE&entryDate=2025-09-01&value=10000").toString());
        WebElement refundable = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refundable")));
        assertTrue(refundable.getText().startsWith("Refundable $970.00: owed $530.00"), refundable.getText());
        WebElement reciprocal = driver.findElement(By.cssSelector("tr[data-program=IEEPA_RECIPROCAL]"));
        assertEquals("invalidated", reciprocal.getAttribute("class"));
        assertTrue(reciprocal.getText().contains("Held unlawful: Learning Resources, Inc. v. Trump"), reciprocal.getText());
        assertTrue(driver.findElement(By.cssSelector("tr[data-program=MFN]")).getAttribute("class").isEmpty());
    }

    /**
     * Section 122's 9903.03.01 from 2026-04-23 rests on secondary sources (sources.csv medium): the result says so beside
     * the measure, and the chart hatches the periods whose measures rest on them, with a legend.
     */
    @Test
    void marksWhatRestsOnMediumConfidenceSources() throws IOException {
        driver.get(base.resolve("/?hts=6402.99.90&origin=VN&entryDate=2026-05-04&value=1000&chart=1").toString());
        WebElement surcharge = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-program=SECTION_122]")));
        assertTrue(surcharge.getText().contains("medium confidence"), surcharge.getText());
        assertTrue(!driver.findElement(By.cssSelector("tr[data-program=MFN]")).getText().contains("medium confidence"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        WebElement hatched = driver.findElement(By.cssSelector("#medium-periods rect.medium-period[data-from='2026-04-23']"));
        assertTrue(hatched.findElement(By.tagName("title")).getAttribute("textContent").contains("medium confidence"));
        assertEquals("medium confidence", driver.findElement(By.cssSelector("#medium-legend text")).getText());
        assertTrue(driver.findElement(By.id("medium-note")).getText().startsWith("Hatched:"));
        assertTrue(driver.findElement(By.cssSelector("#changes li[data-date='2026-04-23']")).getText()
                .contains("now rest on sources of medium confidence"));
        screenshot("playground-medium.png");
    }

    @Test
    void fitsANarrowScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(380, 900));
        fillJapaneseCar();
        driver.findElement(By.id("evaluate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total-rate")));
        driver.findElement(By.id("show-chart")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes")));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways by " + overflow + " px");
        screenshot("playground-narrow.png");
    }

    @Test
    void everyInputHasALabel() {
        Object unlabelled = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('input, select')].filter(i => !i.labels || !i.labels.length)"
                        + ".map(i => i.id);");
        assertEquals(List.of(), unlabelled);
    }

    /** The worked example of docs/refunds.md: nine lines of eight entries, IEEPA-era (law to 2026-04-22 only). */
    static final String YEAR = String.join("\n",
            "{\"id\":\"shoes-1\",\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":40000,\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"01\",\"liquidationDate\":\"2026-04-03\"}",
            "{\"id\":\"shoes-2\",\"hts\":\"3925.90.00\",\"origin\":\"VN\",\"entryDate\":\"2025-06-17\",\"value\":12000,\"entryNumber\":\"ABC-0000101-4\",\"entryType\":\"01\",\"liquidationDate\":\"2026-04-03\"}",
            "{\"id\":\"ware\",\"hts\":\"3925.90.00\",\"origin\":\"DE\",\"entryDate\":\"2025-09-01\",\"value\":10000,\"entryNumber\":\"ABC00001029\",\"entryType\":\"01\"}",
            "{\"id\":\"lamps\",\"hts\":\"9405.11.40\",\"origin\":\"CN\",\"entryDate\":\"2025-03-12\",\"value\":25000,\"entryNumber\":\"ABC-0000103-3\",\"entryType\":\"01\",\"liquidationDate\":\"2026-01-23\"}",
            "{\"id\":\"valves\",\"hts\":\"8481.80.10\",\"origin\":\"CN\",\"entryDate\":\"2025-02-20\",\"value\":18000,\"entryNumber\":\"ABC-0000104-1\",\"entryType\":\"01\",\"liquidationDate\":\"2025-10-10\"}",
            "{\"id\":\"bonded\",\"hts\":\"6403.99.60\",\"origin\":\"VN\",\"entryDate\":\"2025-10-02\",\"value\":8000,\"entryNumber\":\"ABC-0000105-8\",\"entryType\":\"47\"}",
            "{\"id\":\"recon\",\"hts\":\"3925.90.00\",\"origin\":\"DE\",\"entryDate\":\"2025-11-04\",\"value\":9000,\"entryNumber\":\"ABC-0000106-6\",\"entryType\":\"01\",\"reconciliation\":true}",
            "{\"id\":\"robot\",\"hts\":\"8479.50.00\",\"origin\":\"JP\",\"entryDate\":\"2025-08-20\",\"value\":10000,\"entryNumber\":\"ABC-0000107-4\",\"entryType\":\"01\"}",
            "{\"id\":\"car\",\"hts\":\"8703.23.01\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":30000,\"entryNumber\":\"ABC-0000108-2\",\"entryType\":\"01\"}",
            "{\"id\":\"typo\",\"hts\":\"12\",\"origin\":\"JP\",\"entryDate\":\"2025-04-17\",\"value\":1}");

    @Test
    void theRefundsPageGivesEachEntryItsPathAndTheCapeFile() throws IOException {
        driver.findElement(By.linkText("Refunds per entry")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry-lines")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("entry-lines")), YEAR);
        setDate("as-of", "2026-05-15");
        driver.findElement(By.id("work-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entries")));

        assertEquals("Read 10 lines (rejected 1): 8 entries, and 1 line without an entry number. Interest not "
                + "included: the rules hold no table of the quarterly rates of 19 U.S.C. 1505.",
                driver.findElement(By.id("refund-counts")).getText());
        WebElement shoes = driver.findElement(By.cssSelector("#entries tr[data-entry='ABC-0000101-4']"));
        assertEquals("CAPE", shoes.findElement(By.cssSelector(".path")).getText());
        assertEquals("$5,200.00", shoes.findElement(By.cssSelector(".refund")).getText());
        assertEquals("2026-06-22", shoes.findElement(By.cssSelector(".deadline")).getText(), "the 80th day");
        assertTrue(shoes.findElement(By.cssSelector(".cite")).getText().contains("CSMS 68315804"), shoes.getText());
        WebElement lamps = driver.findElement(By.cssSelector("#entries tr[data-entry='ABC-0000103-3']"));
        assertEquals("PROTEST", lamps.findElement(By.cssSelector(".path")).getText());
        assertEquals("2026-07-22", lamps.findElement(By.cssSelector(".deadline")).getText(), "the 180th day");
        assertEquals("NOT_YET", driver.findElement(By.cssSelector("#entries tr[data-entry='ABC-0000106-6'] .path"))
                .getText());
        WebElement cape = driver.findElement(By.cssSelector("#totals tr[data-path=CAPE]"));
        assertTrue(cape.getText().startsWith("CAPE 3 4 $7,420.00 $250.00"), cape.getText());
        assertTrue(driver.findElement(By.cssSelector("#rejected li[data-line='10']")).getText().contains("INVALID_HTS"));

        // what the page hands the browser to save, kept as text (the page's CSP lets no script fetch a blob: URL)
        ((JavascriptExecutor) driver).executeScript("window.savedText = {}; const make = URL.createObjectURL;"
                + "URL.createObjectURL = blob => { const url = make(blob);"
                + "window.savedText[url] = blob.text(); return url; };");
        driver.findElement(By.cssSelector("button[data-download='cape-001.csv']")).click();
        WebElement saved = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[data-saved='cape-001.csv']")));
        assertEquals("cape-001.csv", saved.getAttribute("download"));
        Object text = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.savedText[arguments[0].href].then(t => done(JSON.stringify(t)), e => done(String(e)));", saved);
        // as JSON, so that the line ends are seen as they are (CRLF, as ACE takes them)
        assertEquals("\"Entry Number\\r\\nABC-0000101-4\\r\\nABC-0000102-9\\r\\nABC-0000107-4\\r\\n\"", text,
                "the file to upload in ACE: the CAPE entries, as levy refunds --cape writes it");
        driver.findElement(By.cssSelector("button[data-download='cape-2026-05-15.zip']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[data-saved='cape-2026-05-15.zip']")));
        screenshot("playground-refunds.png");

        driver.manage().window().setSize(new Dimension(380, 900));
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "the refunds page scrolls sideways by " + overflow + " px");
        Object unlabelled = ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('input, select, textarea')].filter(i => !i.labels || "
                        + "!i.labels.length).map(i => i.id);");
        assertEquals(List.of(), unlabelled);
    }

    private static void screenshot(String name) throws IOException {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), out,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
