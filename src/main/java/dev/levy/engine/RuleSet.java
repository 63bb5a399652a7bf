package dev.levy.engine;

import dev.levy.model.Problem;
import dev.levy.model.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.definition.rule.Rule;

/**
 * A loaded rule set: the compiled KieBase (built once, shared by every evaluation, thread-safe), the indexed tables,
 * the rules' metadata, and the set's own parameters from {@code ruleset.properties}. Immutable.
 *
 * @param version      content hash of the rule files
 * @param phases       agenda groups in the order they run
 * @param programOrder program code to its rank in the CBP reporting order ({@code programs.csv})
 * @param declarations declarations a shipment may make, with their meaning ({@code declarations.csv})
 * @param stacking     the declared relation of each pair of additional duties ({@code stacking_matrix.csv})
 * @param sessions     the Kie sessions of {@code kieBase}, kept between evaluations: a new session builds the memory of
 *                     every node of the network, which for one shipment costs more than its rules (docs/performance.md,
 *                     "Issue 17, second pass: sessions from a pool"); a session given back is reset to empty
 * @param coversFrom   first regime date the rules cover (inclusive)
 * @param coversTo     first regime date the rules no longer cover
 * @param coversSource the source ({@code sources.csv}) of the span the rules cover: {@code covers.source}
 * @param warnings     lint findings that do not stop the rule set from loading
 * @param programTitles program code to its title in plain words ({@code programs.csv})
 * @param scenarios    the scenarios shipped with the rules ({@code scenarios/*.yaml}), by name
 * @param precedence   the named order of the rules in each phase ({@code @overrides}, {@code @after})
 * @param rulings      the programs a court has held unlawful ({@code rulings.csv}), one holding per program
 * @param terminations the programs that end as a whole at an instant ({@code terminations.csv}), one end per program
 * @param refundPaths  how an entry's refund is claimed ({@code refunds/paths.csv}): data, never read by the rules
 */
public record RuleSet(String name, String version, KieBase kieBase, KieSessionsPool sessions, TableIndex tables, Map<String, RuleInfo> rules,
                      List<String> phases, Map<String, Integer> programOrder, Map<String, String> declarations,
                      List<StackingRelation> stacking, LocalDate coversFrom, LocalDate coversTo, Source coversSource,
                      List<Problem> warnings,
                      Map<String, String> programTitles, Map<String, Scenario> scenarios, Precedence precedence,
                      List<Ruling> rulings, List<Termination> terminations,
                      RefundPaths refundPaths) {

    public RuleInfo info(Rule rule) {
        return rules.get(key(rule.getPackageName(), rule.getName()));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }

    /** The holding on {@code program} as known on {@code day} (null: the final schedule); null when there is none. */
    public Ruling rulingOn(String program, LocalDate day) {
        for (Ruling r : rulings) {
            if (r.program().equals(program) && r.knownOn(day)) {
                return r;
            }
        }
        return null;
    }

    public int programRank(String program) {
        Integer rank = programOrder.get(program);
        if (rank == null) {
            throw new IllegalStateException("program " + program + " is not declared in programs.csv");
        }
        return rank;
    }
}
