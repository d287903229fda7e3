package dev.tandem.procedures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.stereotype.Component;

/**
 * The expressions in procedures ({@code when: "amount > 50"}, {@code max: "total - refunded"}): Spring's
 * expression language over the run's values, read-only, with no access to types or beans, so a procedure
 * file cannot run code. Parsed once per text.
 */
@Component
class Conditions {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

    Expression parse(String text) {
        return parsed.computeIfAbsent(text, PARSER::parseExpression);
    }

    boolean holds(String text, Map<String, Object> values) {
        return Boolean.TRUE.equals(evaluate(text, values));
    }

    Object evaluate(String text, Map<String, Object> values) {
        EvaluationContext context = SimpleEvaluationContext.forPropertyAccessors(new MapAccessor()).build();
        return parse(text).getValue(context, values);
    }
}
