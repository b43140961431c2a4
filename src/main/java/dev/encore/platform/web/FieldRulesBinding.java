package dev.encore.platform.web;

import java.util.List;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.encore.platform.spi.FieldRules;

/**
 * Adds every module's {@link FieldRules} for a request type to the binder that validates it, next
 * to Bean Validation: both report into one binding result, and so into one problem answer.
 */
@ControllerAdvice
class FieldRulesBinding {

    private final List<FieldRules> rules;
    private final NulCharacterRule noNul = new NulCharacterRule();

    FieldRulesBinding(List<FieldRules> rules) {
        this.rules = rules;
    }

    @InitBinder
    void addRules(WebDataBinder binder) {
        Object target = binder.getTarget();
        if (target == null) {
            return;
        }
        rules.stream().filter(rule -> rule.supports(target.getClass())).forEach(binder::addValidators);
        if (noNul.supports(target.getClass())) {
            binder.addValidators(noNul);
        }
    }
}
