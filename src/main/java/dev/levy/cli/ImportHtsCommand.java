package dev.levy.cli;

import dev.levy.io.HtsImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-hts", mixinStandardHelpOptions = true,
        description = "Imports the USITC HTSUS export (CSV) into the schedule of a rules folder: column 1 (General, Special) and column 2 rates, as the edition in force from the start (mfn/schedule.csv) or, with --from, from a day.")
final class ImportHtsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The USITC export: HTS Number, Indent, Description, ..., General Rate of Duty, Special Rate of Duty, Column 2 Rate of Duty, ...")
    Path file;

    @Option(names = "--rules", paramLabel = "DIR", required = true, converter = OptionValues.RulesFolder.class,
            description = "The rules folder whose schedule edition is written.")
    Path rules;

    @Option(names = "--source", paramLabel = "TEXT", description = "The citation of the export (default: the file's name).")
    String source;

    @Option(names = "--source-id", paramLabel = "ID", defaultValue = "hts-import",
            description = "The id every row cites; the command writes it with the citation into sources.csv (default: ${DEFAULT-VALUE}).")
    String sourceId;

    @Option(names = "--from", paramLabel = "DATE", converter = OptionValues.Date.class,
            description = "Adds the export as an edition in force for entries from 12:01 a.m. on DATE until a later edition's day, in mfn/schedule_DATE.csv; the editions before it stay. Without it the export replaces the edition in force from the start, mfn/schedule.csv.")
    LocalDate from;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("levy import-hts: no such file: " + file);
            return LevyCommand.BAD_INPUT;
        }
        HtsImporter.Report report;
        try {
            report = HtsImporter.importCsv(text);
        } catch (IllegalArgumentException e) {
            err.println("levy import-hts: " + file + ": " + e.getMessage());
            return LevyCommand.BAD_INPUT;
        }
        Path schedule = rules.resolve(HtsImporter.schedulePath(from));
        Files.createDirectories(schedule.getParent());
        String citation = source != null ? source : "USITC HTSUS export " + file.getFileName();
        Files.writeString(schedule, HtsImporter.render(report, sourceId, citation, from));
        Path sources = rules.resolve("sources.csv");
        Files.writeString(sources, HtsImporter.withSource(Files.exists(sources) ? Files.readString(sources) : "",
                sourceId, citation));
        out.println(report.summary());
        out.println("wrote " + schedule);
        out.flush();
        return LevyCommand.OK;
    }
}
