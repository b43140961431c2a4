package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import dev.encore.platform.PageQuery;

class PageQueryArgumentResolverTests {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final PageQueryArgumentResolver resolver = new PageQueryArgumentResolver(VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void takesPagingAndEverySortOrderFromTheQueryString() throws Exception {
        PageQuery query = resolve("page=2&size=50&sort=title,desc&sort=artist");
        assertThat(query).isEqualTo(new PageQuery(2, 50, List.of("title,desc", "artist")));
    }

    @Test
    void leavesWhatIsMissingToTheDefaults() throws Exception {
        assertThat(resolve("")).isEqualTo(new PageQuery(null, null, null));
        assertThat(resolve("page=&size=10")).isEqualTo(new PageQuery(null, 10, null));
    }

    @Test
    void aNonNumberIsABindingFailureOfItsField() {
        MethodArgumentNotValidException refused = refused("size=lots&page=1");
        FieldError error = refused.getBindingResult().getFieldError();
        assertThat(error.getField()).isEqualTo("size");
        assertThat(error.isBindingFailure()).isTrue();
        assertThat(refused.getBindingResult().getErrorCount()).isOne();
    }

    @Test
    void namesEveryFieldOutOfRange() {
        MethodArgumentNotValidException refused = refused("page=-1&size=101");
        assertThat(refused.getBindingResult().getFieldErrors()).extracting(FieldError::getField)
                .containsExactlyInAnyOrder("page", "size");
        assertThat(refused.getBindingResult().getFieldError("size").getDefaultMessage())
                .isEqualTo("must be between 1 and 100");
    }

    @Test
    void refusesSortOrdersThatAreNotPropertyAndDirection() {
        MethodArgumentNotValidException refused = refused("sort=title;drop");
        assertThat(refused.getBindingResult().getFieldErrors()).singleElement()
                .satisfies(error -> assertThat(error.getField()).startsWith("sort"));
    }

    @Test
    void splitsASingleSortValueAtItsCommasAsTheGenericBindingDid() throws Exception {
        assertThat(resolve("sort=title,desc,artist").sort()).containsExactly("title", "desc", "artist");
        assertThat(resolve("sort=title, desc").sort()).containsExactly("title", "desc");
        assertThat(resolve("sort=").sort()).isEmpty();
        MethodArgumentNotValidException refused = refused("sort=title,");
        assertThat(refused.getBindingResult().getFieldErrors()).extracting(FieldError::getField)
                .containsExactly("sort[1]");
    }

    @Test
    void readsNumbersAsTheGenericBindingsNumberEditorDid() throws Exception {
        assertThat(resolve("page=0x10&size=#a")).isEqualTo(new PageQuery(16, 10, null));
        assertThat(resolve("page=1 0&size= ")).isEqualTo(new PageQuery(10, null, null));
        MethodArgumentNotValidException refused = refused("size=-0x1");
        assertThat(refused.getBindingResult().getFieldError("size").isBindingFailure()).isFalse();
    }

    @Test
    void leavesValidationToAHandlerThatValidatesItsArgumentsItself() throws Exception {
        Method search = Listing.class.getDeclaredMethod("search", String.class, PageQuery.class);
        ServletWebRequest request = request("size=0");
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                new HandlerMethod(new Listing(), search).createWithValidateFlags(), ServletWebRequest.SCOPE_REQUEST);
        // Spring's method validation then names this with every other bad parameter in one answer
        assertThat(resolver.resolveArgument(new MethodParameter(search, 1), null, request, null))
                .isEqualTo(new PageQuery(null, 0, null));
        Method list = Listing.class.getDeclaredMethod("list", PageQuery.class);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                new HandlerMethod(new Listing(), list).createWithValidateFlags(), ServletWebRequest.SCOPE_REQUEST);
        assertThat(catchThrowableOfType(MethodArgumentNotValidException.class,
                () -> resolver.resolveArgument(parameter(), null, request, null))).isNotNull();
    }

    @Test
    void servesOnlyPageQueryParameters() throws Exception {
        assertThat(resolver.supportsParameter(parameter())).isTrue();
        Method other = Listing.class.getDeclaredMethod("other", String.class);
        assertThat(resolver.supportsParameter(new MethodParameter(other, 0))).isFalse();
    }

    private PageQuery resolve(String queryString) throws Exception {
        return resolver.resolveArgument(parameter(), null, request(queryString), null);
    }

    private MethodArgumentNotValidException refused(String queryString) {
        return catchThrowableOfType(MethodArgumentNotValidException.class, () -> resolve(queryString));
    }

    private static ServletWebRequest request(String queryString) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tracks");
        for (String pair : queryString.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return new ServletWebRequest(request);
    }

    private static MethodParameter parameter() throws NoSuchMethodException {
        return new MethodParameter(Listing.class.getDeclaredMethod("list", PageQuery.class), 0);
    }

    @SuppressWarnings("unused")
    private static final class Listing {
        void list(PageQuery page) {
        }

        void other(String q) {
        }

        void search(@Size(max = 100) String q, PageQuery page) {
        }
    }
}
