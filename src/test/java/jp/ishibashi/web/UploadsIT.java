package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Form uploads to pages are read by the portal within its limits ({@link MultipartForm}): a post of
 * thousands of parts is refused before they are stored, and no uploaded file outlives its request.
 */
@ExtendWith(ArquillianExtension.class)
class UploadsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Inject ServletContext context;

  @Test
  @RunAsClient
  void aPostOfThousandsOfTinyFilesIsRefusedWithoutKeepingThem() {
    List<ApiClient.FilePart> files = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      files.add(new ApiClient.FilePart("verifyForm:file", "p" + i + ".pdf", new byte[] {'x'}));
    }

    ApiClient.Reply reply =
        new ApiClient(base).postMultipart("verify.xhtml", Map.of("verifyForm", "verifyForm"), files);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
    assertThat(reply.body()).contains("uploadTooLarge");
    assertThat(reply.response().headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  @RunAsClient
  void aPostOfThousandsOfFieldsIsRefused() {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      fields.put("f" + i, "x");
    }

    ApiClient.Reply reply = new ApiClient(base).postMultipart("verify.xhtml", fields, List.of());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
  }

  @Test
  void aVerifiedUploadLeavesNoTemporaryFileBehind() throws IOException {
    ApiClient anyone = new ApiClient(base).language("ja");
    String page = anyone.getFromRoot("verify.xhtml").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("verifyForm", "verifyForm");
    fields.put("verifyForm:verify", "");
    fields.put("jakarta.faces.ViewState", ApiClient.viewState(page));
    long before = uploadsOnDisk();

    ApiClient.Reply reply =
        anyone.postMultipart(
            "verify.xhtml",
            fields,
            List.of(new ApiClient.FilePart("verifyForm:file", "他社の.pdf", "%PDF-1.7\n%%EOF\n".getBytes())));

    // In the container, where only JUnit's assertions are at hand.
    assertEquals(200, reply.status(), reply.toString());
    assertTrue(reply.body().contains("id=\"verdict\""), reply.body());
    assertEquals(before, uploadsOnDisk());
  }

  private long uploadsOnDisk() throws IOException {
    Path directory = ((File) context.getAttribute(ServletContext.TEMPDIR)).toPath();
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith("upload-")).count();
    }
  }
}
