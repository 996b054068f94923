package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.ishibashi.ApiClient;
import jp.ishibashi.Deployments;
import jp.ishibashi.demo.DemoData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Text a page cannot save is refused at its field: a NUL character, which PostgreSQL cannot store
 * (the save failed with an error 500 there, and stored it on H2).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageTextIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.suite();
  }

  @ArquillianResource URL base;

  @Test
  void textWithANulCharacterIsRefusedAtItsFieldAndNothingIsSaved() {
    ApiClient admin =
        new ApiClient(base).language("ja").signIn("admin@sakura.example", DemoData.PASSWORD);
    String page = admin.getFromRoot("agency/admin/organisation.xhtml").body();
    String marker = UUID.randomUUID().toString();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("details", "details");
    fields.put("details:address", "東京都港区\u0000" + marker);
    fields.put("details:registrationNumber", "");
    fields.put("details:save", "");
    fields.put("jakarta.faces.ViewState", ApiClient.viewState(page));

    ApiClient.Reply reply = admin.postForm("agency/admin/organisation.xhtml", fields);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.body()).contains("テキストにNUL文字は使えません。");
    assertThat(admin.getFromRoot("agency/admin/organisation.xhtml").body()).doesNotContain(marker);
  }
}
