package dev.kubesim.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.kubesim.api.model.Kinds.KindInfo;
import dev.kubesim.impl.codec.KindCatalog.CustomKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-cluster catalogue of kinds: built-ins first, then the established custom kinds' versions. */
class KindCatalogTest {
  private static CustomKind cronTab(String version, boolean storage) {
    return new CustomKind(KindCatalog.customInfo("CronTab", "stable.example.com", version, "crontabs", true),
        "crontabs.stable.example.com", "crontab", ImmutableList.of("ct"), ImmutableList.of("all"), storage, null,
        ImmutableList.of(), false, false);
  }

  @Test
  void customKindsAreFoundByEveryNameAndServedVersion() {
    KindCatalog kinds = new KindCatalog();
    kinds.setCustom(List.of(cronTab("v2", false), cronTab("v1", true)));
    assertThat(kinds.byKind("CronTab").map(KindInfo::version)).as("storage version").contains("v1");
    assertThat(kinds.byResourceName("crontabs").map(KindInfo::version)).as("preferred version").contains("v2");
    assertThat(kinds.byResourceName("CronTab")).isPresent();
    assertThat(kinds.byResourceName("crontab")).isPresent();
    assertThat(kinds.byShortName("ct")).isPresent();
    assertThat(kinds.lookup("stable.example.com/v1", "CronTab")).isPresent();
    assertThat(kinds.lookup("stable.example.com/v3", "CronTab")).isEmpty();
    assertThat(kinds.all().stream().filter(k -> k.kind().equals("CronTab")).count()).isEqualTo(1);
    assertThat(kinds.served().stream().filter(k -> k.kind().equals("CronTab")).count()).isEqualTo(2);
    assertThat(kinds.all().get(0).kind()).as("built-ins first").isEqualTo("Namespace");
    assertThat(kinds.custom(kinds.byKind("CronTab").orElseThrow()).map(CustomKind::storage)).contains(true);
  }

  @Test
  void builtInKindsComeFirstAndCustomOnesAreNotShared() {
    KindCatalog one = new KindCatalog();
    KindCatalog two = new KindCatalog();
    one.setCustom(List.of(cronTab("v1", true)));
    assertThat(two.byKind("CronTab")).as("another cluster's catalogue").isEmpty();
    assertThat(two.served()).isEqualTo(KindRegistry.served());
    assertThat(one.byKind("Pod")).isEqualTo(KindRegistry.byKind("Pod"));
    assertThat(one.custom(KindRegistry.byKind("Pod").orElseThrow())).isEmpty();
    one.setCustom(List.of());
    assertThat(one.byResourceName("crontabs")).isEmpty();
  }
}
