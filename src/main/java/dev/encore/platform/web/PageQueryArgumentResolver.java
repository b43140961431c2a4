package dev.encore.platform.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.util.NumberUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

import dev.encore.platform.PageQuery;

/**
 * Reads {@link PageQuery} ({@code page}, {@code size}, {@code sort}) straight from the query string
 * and validates it with Bean Validation, answering exactly as the generic binding did (a 400 naming
 * each bad field; "has an invalid value" for a non-number): numbers read as Spring's number editor
 * reads them, one {@code sort} value split at its commas, several taken as they are, and a method
 * with constraints of its own left to Spring's method validation, which names every bad parameter
 * in one answer. What the generic binder also read is left out on purpose: request headers named
 * like a field ({@code Size: 1000} was a 400), field markers ({@code !size}) and indexed names
 * ({@code sort[0]}, {@code size[0]} was a 500); the API's paging is the query string's.
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
        PageQuery query = new PageQuery(number("page", page, errors), number("size", size, errors), orders(sort));
        if (!errors.hasErrors() && !validatedByTheMethod(request)) {
            BeanPropertyBindingResult violations = new BeanPropertyBindingResult(query, OBJECT_NAME);
            validator.validate(query, violations);
            errors = violations;
        }
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, errors);
        }
        return query;
    }

    /**
     * An integer parameter as the generic binding's number editor read it: blank is absent, whitespace
     * anywhere is dropped, {@code 0x}/{@code #} is hexadecimal; anything else is a binding failure of
     * that field.
     */
    private static Integer number(String field, String value, BeanPropertyBindingResult errors) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return NumberUtils.parseNumber(value, Integer.class);
        }
        catch (NumberFormatException notANumber) {
            errors.addError(new FieldError(OBJECT_NAME, field, value, true, null, null, "has an invalid value"));
            return null;
        }
    }

    /**
     * The sort orders as the generic binding converted them: a single value is a comma-separated list
     * ({@code sort=title,desc,artist}, blank: none), each element trimmed; several values are taken as
     * they are, one order each ({@code sort=title,desc&sort=artist}).
     */
    private static List<String> orders(String[] sort) {
        if (sort == null) {
            return null;
        }
        if (sort.length > 1) {
            return List.of(sort);
        }
        return Arrays.stream(StringUtils.commaDelimitedListToStringArray(sort[0])).map(String::trim).toList();
    }

    /**
     * Whether Spring validates this handler's arguments itself (a method with constraints on its
     * parameters, such as a bounded {@code q}): it validates the paging there with the rest and answers
     * every bad parameter at once, as it did with the generic binding.
     */
    private static boolean validatedByTheMethod(NativeWebRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST) instanceof HandlerMethod handler && handler.shouldValidateArguments();
    }
}
