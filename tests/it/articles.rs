//! The knowledge bank (issue 19): the Markdown allow-list against the OWASP XSS filter
//! evasion list, the list, an article's page, search and the API on the demo's twelve
//! articles, and an organization writing, changing (versions and their diffs, a stale form
//! refused) and removing its own.

use crate::common::TestApp;
use kolmonen::domain::markdown::to_html;

/// Vectors of the OWASP XSS Filter Evasion Cheat Sheet (and their Markdown forms): none may
/// leave an element, attribute or link that runs anything.
const XSS: &[&str] = &[
    "<SCRIPT SRC=https://cdn.example/xss.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=http://xss.example/scriptlet.html <",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
    "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
    "<HEAD><META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=UTF-7\"> </HEAD>+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-",
    "<A HREF=\"http://0x42.0x0000066.0x7.0x93/\">XSS</A>",
    "<A HREF=\"javascript:document.location='http://www.google.com/'\">XSS</A>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    // The same in Markdown's own syntax.
    "[klikkaa](javascript:alert(1))",
    "[klikkaa](JaVaScRiPt:alert(1))",
    "[klikkaa](javascript&#58;alert(1))",
    "[klikkaa](&#106;avascript:alert(1))",
    "[klikkaa](  javascript:alert(1)  )",
    "[klikkaa](vbscript:msgbox(1))",
    "[klikkaa](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klikkaa](java\\nscript:alert(1))",
    "![kuva](javascript:alert(1))",
    "![kuva\" onerror=\"alert(1)](https://example.fi/x.png)",
    "[x](https://example.fi \"title\\\" onmouseover=\\\"alert(1)\")",
    "<javascript:alert(1)>",
    "[a]: javascript:alert(1)\n\n[a]",
    "```html\n<script>alert(1)</script>\n```",
    "# <img src=x onerror=alert(1)>",
    "| a |\n|---|\n| <script>alert(1)</script> |",
];

const ALLOWED: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "html",
    "head",
    "body",
];

#[test]
fn markdown_survives_the_owasp_xss_filter_evasion_list() {
    for payload in XSS {
        let html = to_html(payload);
        let doc = scraper::Html::parse_fragment(&html);
        for node in doc.tree.nodes() {
            let Some(el) = node.value().as_element() else {
                continue;
            };
            assert!(
                ALLOWED.contains(&el.name()),
                "<{}> from {payload:?}: {html}",
                el.name()
            );
            for (name, value) in el.attrs() {
                assert!(
                    ["href", "title", "rel", "start"].contains(&name),
                    "attribute {name} from {payload:?}: {html}"
                );
                if name == "href" {
                    let v: String = value
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                        .collect::<String>()
                        .to_lowercase();
                    // The scheme as a browser reads it: letters, digits, `+`, `-` and `.`
                    // before the first `:`; anything else makes the address relative.
                    let scheme = v.split_once(':').map(|(s, _)| s).filter(|s| {
                        s.starts_with(|c: char| c.is_ascii_alphabetic())
                            && s.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                    });
                    assert!(
                        matches!(scheme, None | Some("http" | "https" | "mailto")),
                        "href {value:?} from {payload:?}: {html}"
                    );
                }
            }
        }
    }
    // What a writer means still comes through: the text, shown as text.
    let html = to_html("<b>lihava</b> ja [linkki](https://example.fi)");
    assert!(html.contains("&lt;b&gt;lihava&lt;/b&gt;"), "{html}");
    assert!(html.contains("href=\"https://example.fi\""));
}

both_engines!(
    the_knowledge_bank_lists_shows_and_finds_the_demo_articles,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let all = app.get("/api/v1/articles?per_page=100").await.json();
        assert_eq!(all["total_items"], 12, "{all}");
        let templates = app.get("/api/v1/articles?kind=template").await.json();
        assert_eq!(templates["total_items"], 1);
        assert_eq!(app.get("/api/v1/articles?kind=blog").await.status, 400);
        let none = app.get("/api/v1/articles?topic=dragons").await;
        assert_eq!(
            (none.status.as_u16(), none.json()["total_items"].clone()),
            (200, 0.into())
        );
        let list = app.get("/fi/articles?kind=guide").await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Tietopankki") && list.body.contains("Opas"));
        let junk = app.get("/sv/articles?topic=drakar").await;
        assert_eq!(junk.status, 400);
        assert!(junk.body.contains("Välj i listan"));

        // An article: its text through the allow-list, its authors, licence and history.
        let a = all["contents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == "Näin työkokeilu sovitaan askel askeleelta")
            .unwrap()
            .clone();
        let id = a["id"].as_str().unwrap();
        assert_eq!(a["licence"], "CC-BY-4.0");
        assert!(a["body_html"]
            .as_str()
            .unwrap()
            .contains("<h2>Mistä työkokeilussa on kyse</h2>"));
        assert!(a["authors"][0]["name"].as_str().unwrap().contains("SPR"));
        let page = app.get(&format!("/en/articles/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("<article lang=\"fi\">"),
            "written in Finnish, marked so"
        );
        assert!(page.body.contains("rel=\"license\""));
        assert!(page.body.contains("CC BY 4.0"));
        assert!(page.body.contains("\"@type\":\"Article\""));
        assert!(page.body.contains("On the same topics"), "related articles");
        assert!(
            page.body.contains("Services on the same topics"),
            "related services"
        );
        let history = app.get(&format!("/fi/articles/{id}/history")).await;
        assert_eq!(history.status, 200);
        assert!(history.body.contains("Versio 1"));
        assert_eq!(app.get("/fi/articles/nope").await.status, 404);
        assert_eq!(
            app.get(&format!("/api/v1/articles/{}", uuid::Uuid::new_v4()))
                .await
                .status,
            404
        );

        // Search: by a word of the text, inflected; facets by kind.
        let r = app
            .get("/api/v1/search?type=article&q=perehdytyksen")
            .await
            .json();
        let hits = r["results"].as_array().unwrap();
        assert!(!hits.is_empty(), "{r}");
        assert!(hits.iter().all(|h| h["type"] == "article"));
        assert!(hits[0]["url"]
            .as_str()
            .unwrap()
            .starts_with("/fi/articles/"));
        let html = app.get("/sv/search?q=työkokeilu&type=article").await;
        assert!(html.body.contains("Kunskapsbank"), "{}", html.body);
        assert!(html.body.contains("/sv/articles/"));
    }
);

both_engines!(
    an_organization_writes_changes_and_removes_its_articles,
    |engine| async move {
        use kolmonen::accounts::Role;
        use kolmonen::demo::organization_id;
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let mut other = app
            .signed_in(
                "toinen@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("manna")),
            )
            .await;
        let new = format!("/fi/organizations/{harjula}/articles/new");
        assert!(admin
            .get(&format!("/fi/organizations/{harjula}/manage"))
            .await
            .body
            .contains(&new));
        assert_eq!(admin.get(&new).await.status, 200);
        // Junk: everything typed comes back, every problem said.
        let junk = [
            ("title", ""),
            ("body", "<script>alert(1)</script> Teksti"),
            ("kind", "blog"),
            ("lang", "fi"),
            ("licence", "GPL"),
            ("topics", "dragons"),
        ];
        let r = admin.post(&new, &junk).await;
        assert_eq!(r.status, 400);
        for said in [
            "Tämä tieto on pakollinen.",
            "Valitse laji listalta.",
            "Valitse lisenssi listalta.",
            "Tuntematon valinta ”dragons”.",
        ] {
            assert!(r.body.contains(said), "said: {said}");
        }
        assert!(r
            .body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62; Teksti"));
        let good = [
            ("title", "Pajan aamupalaveri"),
            (
                "body",
                "## Miksi\n\nAamupalaveri kokoaa pajan.\n\nKesto 15 minuuttia.\n",
            ),
            ("kind", "good_practice"),
            ("lang", "fi"),
            ("licence", "CC-BY-4.0"),
            // A form cannot put another organization's name on the text.
            ("co_authors", "Manna ry"),
            ("topics", "job-coaching"),
            ("target_groups", "long-term-unemployed"),
            ("note", ""),
        ];
        assert_eq!(other.post(&new, &good).await.status, 403);
        let r = admin.post(&new, &good).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let url = r.header("location").split('?').next().unwrap().to_string();
        let page = admin.get(&url).await;
        assert!(page.body.contains("<h2>Miksi</h2>"));
        assert!(page.body.contains("Muokkaa kirjoitusta"));
        let id = url.rsplit('/').next().unwrap().to_string();
        let api = app.get(&format!("/api/v1/articles/{id}")).await.json();
        assert_eq!(api["authors"].as_array().unwrap().len(), 1, "{api}");
        // Manna agrees to write it too (as the demo's joint articles are): then its people
        // may change it.
        let mut joint = app
            .store
            .article(kolmonen::domain::ArticleId::parse(url.rsplit('/').next().unwrap()).unwrap())
            .await
            .unwrap()
            .unwrap();
        joint.authors.push(organization_id("manna"));
        joint.version = 2;
        let v = kolmonen::domain::articles::ArticleVersion {
            article_id: joint.id,
            version: 2,
            title: joint.title.clone(),
            body: joint.body.clone(),
            changed_by: None,
            changed_for: Some(harjula),
            note: String::new(),
            changed_at: joint.updated_at,
        };
        app.store.save_article(&joint, &v).await.unwrap();
        assert_eq!(api["version"], 1);
        let found = app
            .get("/api/v1/search?type=article&q=aamupalaveri")
            .await
            .json();
        assert_eq!(found["results"][0]["id"], id.as_str(), "{found}");

        // Changed: a co-author may; the first save wins, a stale form is refused with its
        // text kept; the history shows who changed what.
        let edit = format!("{url}/edit");
        let form = admin.get(&edit).await;
        assert!(form.body.contains("name=\"version\" value=\"2\""));
        let mut changed = good.to_vec();
        changed[1] = (
            "body",
            "## Miksi\n\nAamupalaveri kokoaa pajan yhteen.\n\nKesto 15 minuuttia.\n",
        );
        changed[8] = ("note", "Tarkennettu");
        changed.push(("version", "2"));
        let r = other.post(&edit, &changed).await;
        assert_eq!(r.status, 303, "Manna is a co-author: {}", r.body);
        let mut stale = good.to_vec();
        stale[1] = ("body", "Minun versioni");
        stale.push(("version", "2"));
        let r = admin.post(&edit, &stale).await;
        assert_eq!(r.status, 409);
        assert!(r.body.contains("Minun versioni") && r.body.contains("uudemman version"));
        let history = app.get(&format!("{url}/history")).await.body;
        assert!(history.contains("Versio 3") && history.contains("Tarkennettu"));
        assert!(
            history.contains("Manna"),
            "who changed it: the organization"
        );
        assert!(!history.contains("toinen@example.fi"), "never the person");
        assert!(
            history.contains("+ Aamupalaveri kokoaa pajan yhteen."),
            "{history}"
        );
        assert!(history.contains("- Aamupalaveri kokoaa pajan."));

        // A file with it, found by its title.
        let r = admin
            .post_file(
                &format!("{url}/attachments"),
                &[("title", "Palaverin muistiopohja")],
                ("file", "pohja.pdf", "application/pdf", b"%PDF-1.4\n%%EOF\n"),
                true,
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let found = app
            .get("/api/v1/search?type=article&q=muistiopohja")
            .await
            .json();
        assert_eq!(found["results"][0]["id"], id.as_str(), "{found}");

        // Removed: not by an organization that did not write it; then gone everywhere.
        let mut third = app
            .signed_in(
                "kolmas@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("verso")),
            )
            .await;
        let delete = format!("{url}/delete");
        assert_eq!(third.post(&delete, &[]).await.status, 403);
        assert_eq!(third.post(&edit, &changed).await.status, 403);
        assert_eq!(admin.post(&delete, &[]).await.status, 303);
        assert_eq!(app.get(&url).await.status, 404);
        let found = app
            .get("/api/v1/search?type=article&q=aamupalaveri")
            .await
            .json();
        assert_eq!(found["total"], 0, "{found}");
    }
);
