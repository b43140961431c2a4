package dev.encore.platform.web;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.encore.platform.PageQuery;

/**
 * Reads {@link PageQuery} ({@code page}, {@code size}, {@code sort}) straight from the query string
 * and validates it with Bean Validation, answering exactly as the generic binding did (a 400 naming
 * each bad field; "has an invalid value" for a non-number).
 * <p>
 * Why not the generic model-attribute binding: it resolves the record's constructor, its parameter
 * names and a data binder on every request, which was 12 % of the CPU of a page of tracks
 * (docs/performance.md, "Request latency"). Every listing takes a {@code PageQuery}.
 */
final class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String OBJECT_NAME = "pageQuery";

    private final SpringValidatorAdapter validator;

    PageQueryArgumentResolver(jakarta.validation.Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) throws MethodArgumentNotValidException {
        String page = request.getParameter("page");
        String size = request.getParameter("size");
        String[] sort = request.getParameterValues("sort");
        if (page == null && size == null && sort == null) {
            return new PageQuery(null, null, null);
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(null, OBJECT_NAME);
        PageQuery query = new PageQuery(number("page", page, errors), number("size", size, errors),
                sort == null ? null : List.of(sort));
        if (!errors.hasErrors()) {
            BeanPropertyBindingResult violations = new BeanPropertyBindingResult(query, OBJECT_NAME);
            validator.validate(query, violations);
            errors = violations;
        }
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, errors);
        }
        return query;
    }

    /** An integer parameter; a value that is not one is a binding failure of that field. */
    private static Integer number(String field, String value, BeanPropertyBindingResult errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException notANumber) {
            errors.addError(new FieldError(OBJECT_NAME, field, value, true, null, null, "has an invalid value"));
            return null;
        }
    }
}
