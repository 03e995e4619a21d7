package dev.kubesim.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The bill of materials in {@code bom/pom.xml} stays in step with the project it describes. */
class BomTest {
  private static final Path BOM = Path.of("bom/pom.xml");
  private static final Path PARENT = Path.of("../pom.xml");

  @Test
  void theBomHasTheProjectsVersionAndManagesItsLibrariesAtThatVersion() throws Exception {
    Document bom = read(BOM);
    Document parent = read(PARENT);
    assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
    assertThat(child(bom.getDocumentElement(), "parent")).as("a BOM with a parent hands users its versions too").isNull();

    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      assertThat(child(d, "version")).isEqualTo("${project.version}");
      managed.add(child(d, "groupId") + ":" + child(d, "artifactId"));
    }
    assertThat(managed).containsExactly("dev.kubesim:simulator-api", "dev.kubesim:simulator-impl");
  }

  @Test
  void theBomIsBuiltWithTheProject() throws Exception {
    NodeList modules = read(PARENT).getElementsByTagName("module");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      names.add(modules.item(i).getTextContent().trim());
    }
    assertThat(names).contains("simulator-api/bom");
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  /** The text of an element's direct child of that name, or null when it has none. */
  private static String child(Element element, String name) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
