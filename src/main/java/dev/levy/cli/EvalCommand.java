package dev.levy.cli;

import dev.levy.Levy;
import dev.levy.engine.Timings;
import dev.levy.io.Input;
import dev.levy.io.Inputs;
import dev.levy.io.Json;
import dev.levy.io.Parsed;
import dev.levy.io.RejectedLine;
import dev.levy.io.Summary;
import dev.levy.io.TextRenderer;
import dev.levy.model.Evaluation;
import dev.levy.model.Fields;
import dev.levy.model.Rejection;
import dev.levy.model.Result;
import dev.levy.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluates shipments: one JSON object, a JSON array, JSON Lines or CSV, from FILE or standard "
                + "input. Batches stream in constant memory, on every core, and keep input order.")
final class EvalCommand implements Callable<Integer> {
    enum Format { json, text }

    @Mixin
    RulesOption rules;

    @Mixin
    ViewOption view;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Input file, or - for standard input (the default).")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default) or text, an explanation for a person.")
    Format format = Format.json;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "json (one object, an array or JSON Lines, told apart by the first line) or csv (a header of "
                    + "contract field names; declarations separated by ';'). Default: csv for a FILE named *.csv, else json.")
    Inputs.Format inputFormat;

    @Mixin
    ThreadsOption workers;

    @Option(names = "--fields", paramLabel = "LIST",
            description = "Writes only these fields of each result, comma-separated, in the result's order (e.g. "
                    + "id,measures,totalDuty,totalRate,refundable); what none of them shows is not computed: without "
                    + "trace no message is rendered, without refundable the law after the rulings is not evaluated. "
                    + "Error objects are written whole. Default: every field.")
    String fieldList;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Writes each rejected input as a JSON line: its line number, id, error and text.")
    Path errorsFile;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Writes the totals of value and duty by program, origin and month (JSON).")
    Path summaryFile;

    @Spec
    CommandSpec spec;

    /** An input evaluated and rendered on a worker; {@code input} is kept only when it was rejected. */
    record Done(long line, String input, Evaluation evaluation, String text) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Fields fields = Fields.ALL;
        if (fieldList != null) {
            if (format == Format.text) {
                err.println("levy eval: --fields chooses fields of the JSON output; --format text explains the whole result");
                return LevyCommand.BAD_INPUT;
            }
            try {
                fields = Fields.of(fieldList);
            } catch (IllegalArgumentException e) {
                err.println("levy eval: --fields: " + e.getMessage());
                return LevyCommand.BAD_INPUT;
            }
        }
        Reader reader = InputFile.open(file, "levy eval", err);
        if (reader == null) {
            return LevyCommand.BAD_INPUT;
        }
        Levy loaded = rules.load(err);
        if (loaded == null) {
            return LevyCommand.RULES_BROKEN;
        }
        Timings.mark("facade ready");
        Levy under = view.apply(loaded, err, "eval");
        if (under == null) {
            return LevyCommand.BAD_INPUT;
        }
        Levy levy = fields.all() ? under : under.fields(summaryFile == null ? fields : fields.and(Summary.READS));
        try (Inputs inputs = Inputs.open(reader, InputFile.format(file, inputFormat));
             Writer errors = errorsFile == null ? Writer.nullWriter() : Files.newBufferedWriter(errorsFile)) {
            BatchSink sink = new BatchSink(spec.commandLine().getOut(), errors);
            if (inputs.single()) {
                single(levy, fields, inputs.next(), sink);
                Timings.mark("one shipment evaluated and written");
            } else {
                batch(levy, fields, inputs, sink);
            }
            sink.finish(summaryFile);
            return sink.summary.getRejected() == 0 ? LevyCommand.OK : LevyCommand.BAD_INPUT;
        } catch (Inputs.LooksLikeCsv e) {
            err.println("levy eval: " + e.getMessage() + ": use --input-format csv");
            return LevyCommand.BAD_INPUT;
        }
    }


    /** @param fields what to write: fewer than {@code levy} computes when the summary reads more */
    private void single(Levy levy, Fields fields, Input input, BatchSink sink) {
        Parsed parsed = input.parse();
        Evaluation e = parsed.node() != null ? levy.evaluate(parsed.node()) : parsed.rejection();
        sink.accept(new Done(input.line(), input.text(), e, format == Format.text ? text(levy, parsed, e)
                : Json.pretty(e, fields)));
        if (e instanceof Rejection r) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("levy eval: " + r.error().code() + (r.error().field() == null ? "" : " " + r.error().field())
                    + ": " + r.error().message());
            err.flush();
        }
    }

    private void batch(Levy levy, Fields fields, Inputs inputs, BatchSink sink) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long size = file == null || file.equals("-") ? -1 : Files.size(Path.of(file));
        Progress progress = new Progress(err, System.console() != null, size, inputs::charsRead);
        levy.evaluate(inputs, workers.threads, (input, e) -> new Done(input.line(), e instanceof Rejection ? input.text() : null,
                e, format == Format.text ? text(levy, input.parse(), e) : Json.compact(e, fields)), done -> {
                    sink.accept(done);
                    progress.lineDone(sink.summary.getRead());
                });
        progress.finish();
        Summary s = sink.summary;
        err.printf("read %d, evaluated %d, rejected %d%n", s.getRead(), s.getEvaluated(), s.getRejected());
        err.flush();
    }

    /** The explanation for a person, with what another entry date would change. */
    private static String text(Levy levy, Parsed parsed, Evaluation e) {
        return TextRenderer.render(e, e instanceof Result r ? Timeline.hints(levy, parsed.node(), r) : List.of());
    }

    /** Writes results in order, rejected inputs to the errors file, and keeps the totals. */
    private static final class BatchSink {
        final Summary summary = new Summary();
        private final PrintWriter out;
        private final Writer errors;

        BatchSink(PrintWriter out, Writer errors) {
            this.out = out;
            this.errors = errors;
        }

        void accept(Done done) {
            out.write(done.text());
            out.write('\n');
            summary.add(done.evaluation());
            if (done.evaluation() instanceof Rejection r) {
                try {
                    errors.write(Json.compact(new RejectedLine(done.line(), r.id(), r.error(), done.input())));
                    errors.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void finish(Path summaryFile) throws IOException {
            out.flush();
            if (summaryFile != null) {
                Files.writeString(summaryFile, Json.pretty(summary) + "\n");
            }
        }
    }
}
