package dev.tandem;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import dev.tandem.answering.AnswerEvaluation;
import dev.tandem.assist.AssistEvaluation;
import dev.tandem.escalation.EscalationEvaluation;
import dev.tandem.guardrails.GuardEvaluation;
import dev.tandem.guardrails.PiiEvaluation;
import dev.tandem.knowledge.RetrievalEvaluation;
import dev.tandem.quality.QualityEvaluation;
import dev.tandem.understanding.IntentEvaluation;

/**
 * {@code java -jar tandem.jar eval <task> ...}: the evaluation commands of the contract. They run as
 * plain Java, without the web server, the database or the demo data, and print their result on
 * stdout; logs go to stderr.
 */
final class Evaluations {

    private Evaluations() {
    }

    /** @param args the command line after {@code eval}; returns the exit status */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: eval <task> [options]; tasks: intents, retrieval, answers, escalation, guard, pii, assist, quality");
            return 2;
        }
        List<String> options = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "retrieval" -> RetrievalEvaluation.run(options, out, err);
            case "answers" -> AnswerEvaluation.run(options, out, err);
            case "escalation" -> EscalationEvaluation.run(options, out, err);
            case "intents" -> IntentEvaluation.run(options, out, err);
            case "guard" -> GuardEvaluation.run(options, out, err);
            case "pii" -> PiiEvaluation.run(options, out, err);
            case "assist" -> AssistEvaluation.run(options, out, err);
            case "quality" -> QualityEvaluation.run(options, out, err);
            default -> {
                err.println("eval: unknown or not yet available task '" + args.get(0) + "'; tasks: intents, retrieval, answers, escalation, guard, pii, assist, quality");
                yield 2;
            }
        };
    }

    static void main(String[] args) {
        // Before anything logs: logback's default would write to stdout, where the JSON goes.
        System.setProperty("logback.configurationFile", "logback-eval.xml");
        int status;
        try {
            status = run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("eval failed: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
