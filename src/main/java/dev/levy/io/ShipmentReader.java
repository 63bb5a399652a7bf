package dev.levy.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.levy.engine.Countries;
import dev.levy.engine.Names;
import dev.levy.engine.RuleSet;
import dev.levy.engine.TableIndex;
import dev.levy.engine.TableRow;
import dev.levy.model.Entry;
import dev.levy.model.ErrorCode;
import dev.levy.model.Rejection;
import dev.levy.model.Shipment;
import dev.levy.model.ShipmentError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates and normalises one shipment object of the contract into a {@link Shipment}, or says, naming the field,
 * why it cannot be evaluated. Checks that depend on the rule set (known HTS line, dates covered, declarations) use
 * the rule set given.
 */
public final class ShipmentReader {
    private static final Set<String> FIELDS = Set.of("id", "hts", "origin", "entryDate", "entryTime", "loadedDate",
            "transport", "value", "usContent", "metalContent", "spi", "quantity", "declarations", "entryNumber", "entryType",
            "liquidationDate", "protestOpen", "reconciliation", "drawback", "adcvd");
    private static final Set<String> METALS = Set.of("steel", "aluminum", "copper");
    /** The transport modes of the contract. */
    public static final List<String> TRANSPORTS = List.of("vessel", "air", "truck", "rail", "mail", "other");
    private static final Pattern SPI = Pattern.compile("[A-Z]{1,2}[+*]?");
    private static final Pattern DECLARATION = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** An entry number: filer code (three letters or digits), seven digits, check digit; dashes optional. */
    private static final Pattern ENTRY_NUMBER = Pattern.compile("([A-Z0-9]{3})-?(\\d{7})-?(\\d)");
    private static final Pattern ENTRY_TYPE = Pattern.compile("\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** A trillion dollars: no entry line is worth more; a bigger number is a unit or a typing error. */
    private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_QUANTITY_DECIMALS = 6;
    private static final Pattern UNIT = Pattern.compile("\\p{L}[\\p{L}\\p{N} ./()]{0,29}");
    /**
     * HTSUS chapter 99 holds the headings of additional duties (and temporary legislation), never an article's
     * classification: Levy finds the chapter 99 headings that apply to the article's own number.
     */
    private static final String ADDITIONAL_DUTIES_CHAPTER = "99";
    /** Input echoed in a message is cut to this many characters: a message is for a person. */
    private static final int ECHO = 40;

    private final RuleSet ruleSet;

    public ShipmentReader(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** Either a shipment or its rejection. */
    public record Read(Shipment shipment, Rejection rejection) {
        static Read ok(Shipment s) { return new Read(s, null); }
        static Read rejected(String id, ErrorCode code, String field, String message) {
            return new Read(null, new Rejection(id, new ShipmentError(code, field, message)));
        }
    }

    /** Thrown inside this class to stop at the first problem found. */
    private static final class Invalid extends Exception {
        final ErrorCode code;
        final String field;

        Invalid(ErrorCode code, String field, String message) {
            super(message, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    /**
     * Reads a shipment built in Java as the contract object it stands for, so that it meets exactly the checks, error
     * codes and messages of JSON input: one validation path.
     */
    public Read read(Shipment built) {
        return read(contractObject(built));
    }

    /** The contract object of a shipment: its fields as given (absent ones absent, contents of 0 as 0). */
    private static ObjectNode contractObject(Shipment s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        putText(o, "id", s.getId());
        putText(o, "hts", s.getHts());
        putText(o, "origin", s.getOrigin());
        putText(o, "entryDate", s.getEntryDate() == null ? null : s.getEntryDate().toString());
        putText(o, "entryTime", s.getEntryTime().format(TIME));
        putText(o, "loadedDate", s.getLoadedDate() == null ? null : s.getLoadedDate().toString());
        putText(o, "transport", s.getTransport());
        if (s.getValue() != null) {
            o.put("value", s.getValue());
        }
        o.put("usContent", s.getUsContent());
        ObjectNode metals = o.putObject("metalContent");
        metals.put("steel", s.getSteelContent());
        metals.put("aluminum", s.getAluminumContent());
        metals.put("copper", s.getCopperContent());
        putText(o, "spi", s.getSpi());
        if (s.getQuantityAmount() != null || s.getQuantityUnit() != null) {
            ObjectNode q = o.putObject("quantity");
            q.put("amount", s.getQuantityAmount());
            q.put("unit", s.getQuantityUnit());
        }
        if (!s.getDeclarations().isEmpty()) {
            ArrayNode d = o.putArray("declarations");
            s.getDeclarations().forEach(d::add);
        }
        Entry e = s.getEntry();
        putText(o, "entryNumber", e.number());
        putText(o, "entryType", e.type());
        putText(o, "liquidationDate", e.liquidationDate() == null ? null : e.liquidationDate().toString());
        o.put("protestOpen", e.protestOpen());
        o.put("reconciliation", e.reconciliation());
        o.put("drawback", e.drawback());
        o.put("adcvd", e.adcvd());
        return o;
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    public Read read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Read.rejected(null, ErrorCode.NOT_AN_OBJECT, null, "a shipment is a JSON object, found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isTextual() && idNode.asText().length() <= MAX_ID_LENGTH ? idNode.asText() : null;
        try {
            return Read.ok(shipment(node));
        } catch (Invalid e) {
            return Read.rejected(id, e.code, e.field, e.getMessage());
        }
    }

    private Shipment shipment(JsonNode node) throws Invalid {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Invalid(ErrorCode.UNKNOWN_FIELD, clip(name), "unknown field '" + clip(name) + "' (fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        Shipment.Builder b = Shipment.builder();
        b.id(id(node));
        String hts = htsDigits(node);
        b.hts(hts);
        b.origin(origin(node));
        LocalDate entryDate = date(node, "entryDate", true);
        b.entryDate(entryDate);
        b.entryTime(time(node));
        LocalDate loaded = date(node, "loadedDate", false);
        if (loaded != null && loaded.isAfter(entryDate)) {
            throw new Invalid(ErrorCode.INVALID_DATE, "loadedDate", "loadedDate " + loaded + " is after entryDate " + entryDate);
        }
        b.loadedDate(loaded);
        b.transport(transport(node));
        BigDecimal value = money(node, "value", ErrorCode.INVALID_VALUE, true);
        if (value.signum() <= 0) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "value", "value must be more than 0, found " + show(value));
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            throw new Invalid(ErrorCode.INVALID_VALUE, "value", "value " + show(value) + " is over the limit of "
                    + MAX_VALUE.toPlainString() + " USD for one entry line");
        }
        b.value(value);
        b.usContent(content(node.get("usContent"), "usContent", value));
        metals(node, b, value);
        b.spi(spi(node));
        quantity(node, b);
        declarations(node, b);
        Entry entry = entry(node);
        if (entry.liquidationDate() != null && entry.liquidationDate().isBefore(entryDate)) {
            throw new Invalid(ErrorCode.INVALID_DATE, "liquidationDate", "liquidationDate " + entry.liquidationDate()
                    + " is before entryDate " + entryDate);
        }
        b.entry(entry);
        Shipment s = b.build();
        checkAgainstRules(s);
        return s;
    }

    /**
     * The entry facts of a shipment object ({@link Entry#NONE} when it gives none), or the error naming the field: what
     * {@code levy refunds --cape} groups lines by, read from a node that may otherwise be rejected.
     */
    public static Entry entryOf(JsonNode node) throws IllegalArgumentException {
        try {
            return entry(node);
        } catch (Invalid e) {
            throw new IllegalArgumentException(e.field + ": " + e.getMessage());
        }
    }

    /** The normalised entry number of a shipment object ({@code ABC-1234567-8}), or null when absent or malformed. */
    public static String entryNumberOf(JsonNode node) {
        try {
            return entryNumber(node);
        } catch (Invalid e) {
            return null;
        }
    }

    private static String entryNumber(JsonNode node) throws Invalid {
        String number = text(node, "entryNumber", false, ErrorCode.INVALID_ENTRY);
        String normalised = null;
        if (number != null) {
            Matcher m = ENTRY_NUMBER.matcher(number.strip().toUpperCase());
            if (!m.matches()) {
                throw new Invalid(ErrorCode.INVALID_ENTRY, "entryNumber", "entryNumber '" + clip(number)
                        + "' is not an entry number: filer code, seven digits and check digit, such as ABC-1234567-8"
                        + " (dashes optional)");
            }
            normalised = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        }
        return normalised;
    }

    private static Entry entry(JsonNode node) throws Invalid {
        String normalised = entryNumber(node);
        String type = text(node, "entryType", false, ErrorCode.INVALID_ENTRY);
        if (type != null && !ENTRY_TYPE.matcher(type).matches()) {
            throw new Invalid(ErrorCode.INVALID_ENTRY, "entryType", "entryType '" + clip(type)
                    + "' is not a two-digit entry type such as 01, 06 or 47");
        }
        return new Entry(normalised, type, date(node, "liquidationDate", false), flag(node, "protestOpen"),
                flag(node, "reconciliation"), flag(node, "drawback"), flag(node, "adcvd"));
    }

    private static boolean flag(JsonNode node, String field) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new Invalid(ErrorCode.INVALID_ENTRY, field, "'" + field + "' must be true or false, found "
                    + (v.isTextual() ? "\"" + clip(v.asText()) + "\"" : v.getNodeType().toString().toLowerCase()));
        }
        return v.asBoolean();
    }

    private static String id(JsonNode node) throws Invalid {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            throw new Invalid(ErrorCode.INVALID_ID, "id", "id must be a string");
        }
        if (id.asText().length() > MAX_ID_LENGTH) {
            throw new Invalid(ErrorCode.INVALID_ID, "id", "id is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id.asText();
    }

    private static String text(JsonNode node, String field, boolean required, ErrorCode code) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(ErrorCode.MISSING_FIELD, field, "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new Invalid(code, field, "'" + field + "' must be a string, found " + v.getNodeType().toString().toLowerCase());
        }
        return v.asText();
    }

    private static String htsDigits(JsonNode node) throws Invalid {
        String hts = text(node, "hts", true, ErrorCode.INVALID_HTS);
        String digits = hts.replace(".", "").replace(" ", "");
        if (!digits.matches("\\d{8}|\\d{10}")) {
            throw new Invalid(ErrorCode.INVALID_HTS, "hts", "hts '" + clip(hts)
                    + "' is not an HTSUS number of 8 or 10 digits (e.g. 8703.23.01 or 8703230190)");
        }
        if (digits.startsWith(ADDITIONAL_DUTIES_CHAPTER)) {
            throw new Invalid(ErrorCode.INVALID_HTS, "hts", "hts '" + clip(hts) + "' is a chapter 99 heading (an additional"
                    + " duty or a temporary provision), not the classification of the article: give the article's own HTS"
                    + " number of chapters 1 to 97, and Levy finds the chapter 99 headings that apply to it");
        }
        return digits;
    }

    private static String origin(JsonNode node) throws Invalid {
        String origin = text(node, "origin", true, ErrorCode.INVALID_COUNTRY);
        String code = origin.strip().toUpperCase();
        if (!Countries.isIsoCode(code)) {
            String hint = Countries.hint(code);
            throw new Invalid(ErrorCode.INVALID_COUNTRY, "origin", "origin '" + clip(origin)
                    + "' is not an ISO 3166-1 alpha-2 country code" + (hint == null ? " (e.g. JP, DE, CN)" : ": " + hint));
        }
        return code;
    }

    private static LocalDate date(JsonNode node, String field, boolean required) throws Invalid {
        String text = text(node, field, required, ErrorCode.INVALID_DATE);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new Invalid(ErrorCode.INVALID_DATE, field, field + " '" + clip(text) + "' is not a date YYYY-MM-DD");
        }
    }

    private static LocalTime time(JsonNode node) throws Invalid {
        String text = text(node, "entryTime", false, ErrorCode.INVALID_TIME);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw new Invalid(ErrorCode.INVALID_TIME, "entryTime", "entryTime '" + clip(text) + "' is not a time HH:MM (US Eastern)");
        }
    }

    private static String transport(JsonNode node) throws Invalid {
        String t = text(node, "transport", false, ErrorCode.INVALID_TRANSPORT);
        if (t != null && !TRANSPORTS.contains(t)) {
            throw new Invalid(ErrorCode.INVALID_TRANSPORT, "transport", "transport '" + clip(t) + "' is not one of "
                    + String.join(", ", TRANSPORTS));
        }
        return t;
    }

    private static BigDecimal money(JsonNode node, String field, ErrorCode code, boolean required) throws Invalid {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(ErrorCode.MISSING_FIELD, field, "'" + field + "' is required");
            }
            return null;
        }
        return amount(v, field, code);
    }

    private static BigDecimal amount(JsonNode v, String field, ErrorCode code) throws Invalid {
        if (!v.isNumber()) {
            throw new Invalid(code, field, field + " must be a number of US dollars, found "
                    + v.getNodeType().toString().toLowerCase() + (v.isTextual() ? " \"" + clip(v.asText()) + "\"" : ""));
        }
        BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() > 2) {
            throw new Invalid(code, field, field + " " + show(d) + " has more than 2 decimals (cents)");
        }
        if (d.abs().compareTo(MAX_VALUE) > 0) {
            throw new Invalid(code, field, field + " " + show(d) + " is over the limit of " + MAX_VALUE.toPlainString()
                    + " USD for one entry line");
        }
        return d;
    }

    private static BigDecimal content(JsonNode v, String field, BigDecimal value) throws Invalid {
        if (v == null || v.isNull()) {
            return null;
        }
        BigDecimal d = amount(v, field, ErrorCode.INVALID_CONTENT);
        if (d.signum() < 0) {
            throw new Invalid(ErrorCode.INVALID_CONTENT, field, field + " must not be negative");
        }
        if (d.compareTo(value) > 0) {
            throw new Invalid(ErrorCode.INVALID_CONTENT, field, field + " " + show(d)
                    + " is more than the value " + show(value));
        }
        return d;
    }

    private static void metals(JsonNode node, Shipment.Builder b, BigDecimal value) throws Invalid {
        JsonNode m = node.get("metalContent");
        if (m == null || m.isNull()) {
            return;
        }
        if (!m.isObject()) {
            throw new Invalid(ErrorCode.INVALID_CONTENT, "metalContent", "metalContent must be an object such as {\"steel\": 1200}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!METALS.contains(e.getKey())) {
                throw new Invalid(ErrorCode.UNKNOWN_FIELD, "metalContent." + e.getKey(), "unknown metal '" + e.getKey()
                        + "' (metals: aluminum, copper, steel)");
            }
        }
        BigDecimal steel = content(m.get("steel"), "metalContent.steel", value);
        BigDecimal aluminum = content(m.get("aluminum"), "metalContent.aluminum", value);
        BigDecimal copper = content(m.get("copper"), "metalContent.copper", value);
        BigDecimal metals = zeroIfNull(steel).add(zeroIfNull(aluminum)).add(zeroIfNull(copper));
        if (metals.compareTo(value) > 0) {
            throw new Invalid(ErrorCode.INVALID_CONTENT, "metalContent", "the metal contents together (steel + aluminum"
                    + " + copper = " + show(metals) + ") are more than the value " + show(value));
        }
        b.steelContent(steel);
        b.aluminumContent(aluminum);
        b.copperContent(copper);
    }

    private static BigDecimal zeroIfNull(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    /** Whether {@code code} has the form of a special program indicator ({@code S}, {@code KR}, {@code A+}). */
    public static boolean isSpecialProgramIndicator(String code) {
        return SPI.matcher(code).matches();
    }

    private static String spi(JsonNode node) throws Invalid {
        String spi = text(node, "spi", false, ErrorCode.INVALID_SPI);
        if (spi != null && !isSpecialProgramIndicator(spi)) {
            throw new Invalid(ErrorCode.INVALID_SPI, "spi", "spi '" + clip(spi)
                    + "' is not a special program indicator such as S, KR, AU or A+");
        }
        return spi;
    }

    private static void quantity(JsonNode node, Shipment.Builder b) throws Invalid {
        JsonNode q = node.get("quantity");
        if (q == null || q.isNull()) {
            return;
        }
        if (!q.isObject() || !q.path("amount").isNumber() || !q.path("unit").isTextual() || q.size() != 2) {
            throw new Invalid(ErrorCode.INVALID_QUANTITY, "quantity", "quantity must be {\"amount\": number, \"unit\": \"kg\"}");
        }
        BigDecimal amount = q.get("amount").decimalValue();
        if (amount.signum() <= 0) {
            throw new Invalid(ErrorCode.INVALID_QUANTITY, "quantity.amount", "quantity amount must be more than 0");
        }
        if (amount.compareTo(MAX_VALUE) > 0 || amount.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
            throw new Invalid(ErrorCode.INVALID_QUANTITY, "quantity.amount", "quantity amount " + show(amount)
                    + " must be at most " + MAX_VALUE.toPlainString() + ", with at most " + MAX_QUANTITY_DECIMALS
                    + " decimals");
        }
        String unit = q.get("unit").asText();
        if (!UNIT.matcher(unit).matches()) {
            throw new Invalid(ErrorCode.INVALID_QUANTITY, "quantity.unit", "quantity unit '" + clip(unit)
                    + "' is not a unit such as kg, liters, No. or doz.");
        }
        b.quantity(amount, unit);
    }

    private void declarations(JsonNode node, Shipment.Builder b) throws Invalid {
        JsonNode d = node.get("declarations");
        if (d == null || d.isNull()) {
            return;
        }
        if (!d.isArray()) {
            throw new Invalid(ErrorCode.INVALID_DECLARATION, "declarations", "declarations must be an array of names");
        }
        for (JsonNode item : d) {
            String name = item.isTextual() ? item.asText() : null;
            if (name == null || !DECLARATION.matcher(name).matches()) {
                throw new Invalid(ErrorCode.INVALID_DECLARATION, "declarations", "declaration " + clip(item.toString())
                        + " is not a name such as USMCA_CONTENT_APPROVED");
            }
            if (!ruleSet.declarations().containsKey(name)) {
                throw new Invalid(ErrorCode.INVALID_DECLARATION, "declarations", "unknown declaration '" + clip(name)
                        + "'" + Names.didYouMean(name, ruleSet.declarations().keySet())
                        + ": the declarations are listed in rules/declarations.csv");
            }
            b.declaration(name);
        }
    }

    private void checkAgainstRules(Shipment s) throws Invalid {
        LocalDate day = s.getRegimeDate();
        if (day.isBefore(ruleSet.coversFrom()) || !day.isBefore(ruleSet.coversTo())) {
            throw new Invalid(ErrorCode.DATE_OUT_OF_RANGE, "entryDate", "the rules cover entries from "
                    + ruleSet.coversFrom() + " to " + ruleSet.coversTo().minusDays(1) + " ("
                    + ruleSet.coversSource().citation() + "); " + (day.equals(s.getEntryDate()) ? s.getEntryDate()
                    : "an entry at " + s.getEntryTime() + " on " + s.getEntryDate() + " is under the law of " + day
                    + " (a day's law takes effect at 12:01 a.m.), which") + " is outside");
        }
        var line = ruleSet.tables().scheduleLine(s.getHtsDigits(), day);
        if (line == null) {
            throw unknownLine(s);
        }
        boolean column2 = ruleSet.tables().paysColumn2(s);
        TableRow rate = column2 ? line.column2() : s.getSpi() != null && line.special().containsKey(s.getSpi())
                ? line.special().get(s.getSpi()) : line.general();
        if (rate.rate() == null) {
            String text = column2 ? line.column2Text() : line.generalText();
            throw new Invalid(ErrorCode.UNSUPPORTED_RATE, "hts", "HTS " + s.getHts() + " has the "
                    + (column2 ? "column 2 rate (products of " + s.getOrigin() + " pay column 2)" : "general rate") + " '"
                    + text + "', which Levy cannot compute (only Free, ad valorem, and specific or compound "
                    + "rates per unit are supported)");
        }
        if (rate.perUnit() != null && s.getQuantityAmount() == null) {
            throw new Invalid(ErrorCode.MISSING_FIELD, "quantity", "HTS " + s.getHts() + " has a specific rate ($"
                    + rate.perUnit().toPlainString() + "/" + rate.unit() + "): give the quantity as {\"amount\": n, \"unit\": \""
                    + rate.unit() + "\"}");
        }
        if (rate.perUnit() != null && !rate.unit().equals(s.getQuantityUnit())) {
            throw new Invalid(ErrorCode.INVALID_QUANTITY, "quantity.unit", "quantity unit '" + s.getQuantityUnit()
                    + "' does not match the unit of the rate of HTS " + s.getHts() + ": '" + rate.unit() + "'");
        }
    }

    /**
     * Why the edition of the schedule in force on the shipment's regime date has no line for its number: an unknown
     * number, or an 8-digit one whose lines differ. The message names the edition, and another edition that has the
     * number.
     */
    private Invalid unknownLine(Shipment s) {
        String digits = s.getHtsDigits();
        LocalDate day = s.getRegimeDate();
        TableIndex tables = ruleSet.tables();
        List<String> lines = tables.tenDigitLines(digits.substring(0, 8), day);
        TableIndex.Edition edition = tables.edition(day);
        String schedule = edition == null ? "the rules' MFN schedule (no edition is in force on " + day + ")"
                : "the rules' MFN schedule in force on " + day + " (" + edition.describe() + ")";
        if (digits.length() == 8 && !lines.isEmpty()) {
            Map<String, List<String>> byRate = new TreeMap<>();
            for (String l : lines) {
                byRate.computeIfAbsent(tables.scheduleLine(l, day).generalText(), k -> new ArrayList<>())
                        .add(Shipment.dotted(l));
            }
            List<String> parts = byRate.entrySet().stream().map(e -> String.join(", ", e.getValue())
                    + (e.getValue().size() == 1 ? " has " : " have ") + "the general rate " + e.getKey()).toList();
            return new Invalid(ErrorCode.AMBIGUOUS_HTS, "hts", "HTS " + s.getHts() + " does not decide the MFN rate, its"
                    + " 10-digit lines differ: " + String.join("; ", parts) + ". Give the 10-digit number");
        }
        String elsewhere = tables.editions().stream().filter(e -> e != edition && e.line(digits) != null)
                .map(e -> "; it is a line of " + e.describe()).findFirst().orElse("");
        if (digits.length() == 10 && (!lines.isEmpty() || tables.scheduleLine(digits.substring(0, 8), day) != null)) {
            return new Invalid(ErrorCode.UNKNOWN_HTS, "hts", "HTS " + s.getHts() + " is not a 10-digit line of "
                    + schedule + (lines.isEmpty() ? "; its 8-digit number has no 10-digit lines: give "
                    + s.getHts().substring(0, 10) : "; the lines of " + s.getHts().substring(0, 10) + " are "
                    + String.join(", ", lines.stream().map(Shipment::dotted).toList())) + elsewhere);
        }
        return new Invalid(ErrorCode.UNKNOWN_HTS, "hts", "HTS " + s.getHts() + " is not in " + schedule + elsewhere
                + (elsewhere.isEmpty() ? "; add its line to the schedule (or import the USITC schedule)" : ""));
    }

    /** Input text as a message quotes it: cut short, so that a hostile line cannot make a huge message. */
    public static String clip(String text) {
        return text.length() <= ECHO ? text : text.substring(0, ECHO) + "... (" + text.length() + " characters)";
    }

    /** A number as a message shows it: plain, unless its exponent is absurd (1E+999999999 has no plain form to print). */
    static String show(BigDecimal d) {
        return Math.abs(d.scale()) > ECHO || d.precision() > ECHO ? clip(d.toString()) : d.toPlainString();
    }
}
