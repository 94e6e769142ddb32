package io.fupin.catalog;

import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Calls catalog-service over HTTP as a given caller, signed as the gateway would. */
public final class CatalogApi {

    private final RestClient http;
    private final SignedIdentity identity;

    public CatalogApi(int port, SignedIdentity identity) {
        this.http = RestClient.create("http://localhost:" + port);
        this.identity = identity;
    }

    public record Reply(int status, Map<String, Object> body) {
    }

    /** Uploads a file as the multipart part {@code file}, with the name and declared type given. */
    public Reply upload(Caller caller, String path, String filename, String declaredType, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(declaredType));
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, part));
        return http.put().uri(path).headers(h -> h.addAll(identity.headersFor(caller)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> {
                    Map<String, Object> parsed = res.getHeaders().getContentLength() == 0 ? Map.of()
                            : res.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() { });
                    return new Reply(res.getStatusCode().value(), parsed == null ? Map.of() : parsed);
                });
    }

    public Reply call(Caller caller, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .headers(h -> h.addAll(identity.headersFor(caller)));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            Map<String, Object> parsed = res.getHeaders().getContentLength() == 0 ? Map.of()
                    : res.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() { });
            return new Reply(res.getStatusCode().value(), parsed == null ? Map.of() : parsed);
        });
    }
}
