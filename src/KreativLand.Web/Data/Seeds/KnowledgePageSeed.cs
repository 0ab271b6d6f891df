using KreativLand.Web.Domain;

namespace KreativLand.Web.Data.Seeds;

/// <summary>
/// The first content of the knowledge pages: our own short summaries of the report "KreativLandTransfer –
/// European Perspectives" (2024). Inserted once by the migration KnowledgePages; afterwards curators own
/// the text in the database, so changing it here changes nothing in an existing database.
/// </summary>
public static class KnowledgePageSeed
{
    public static readonly DateTimeOffset Written = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<KnowledgePage> Pages { get; } =
    [
        new()
        {
            Slug = "inclusion-criteria", SortOrder = 1, UpdatedAt = Written,
            ExampleSlugs = ["mealgood-schicktanz", "rudis", "herrnhuter-city-kids"],
            TitleDe = "Aufnahmekriterien",
            TitleEn = "Inclusion criteria",
            SummaryDe = "Welche Kooperationen in KreativLand aufgenommen werden: wirtschaftlicher Hintergrund, ein KMU, ein Partner aus der Kreativwirtschaft, ländlicher Ort, Zusammenarbeit auf Augenhöhe.",
            SummaryEn = "Which cooperations are listed on KreativLand: an economic purpose, an SME, a partner from the creative industries, a rural place and work on an equal footing.",
            BodyDe = """
                Eine Kooperation kommt in die Datenbank, wenn sie alle folgenden Punkte erfüllt. Kuratorinnen und Kuratoren prüfen jeden Eintrag daran, bevor er veröffentlicht wird.

                ## Die Kriterien

                - **Wirtschaftlicher Zweck:** Die Zusammenarbeit verfolgt ein unternehmerisches Ziel – ein Produkt, eine Dienstleistung, einen Markt.
                - **Ein KMU ist beteiligt:** mindestens ein kleines oder mittleres Unternehmen mit höchstens 250 Beschäftigten. Aus welcher Branche es kommt, spielt keine Rolle.
                - **Ein Kreativpartner:** Der andere Partner gehört zu einem der zwölf Teilmärkte der Kultur- und Kreativwirtschaft, etwa Design, Architektur, Software und Games oder Kunsthandwerk.
                - **Ländlicher Raum:** Die Kooperation findet in einer Gemeinde mit weniger als 20.000 Einwohnerinnen und Einwohnern statt. Für Länder mit anderer Siedlungsstruktur wurde diese Schwelle sinngemäß angepasst.
                - **Höchstens ein städtischer Partner:** Ein Partner darf aus der Stadt kommen, wenn die ländliche Region erkennbar profitiert.
                - **Augenhöhe:** Beide Seiten gestalten gemeinsam; ein reiner Auftrag an eine Agentur zählt nicht, auch wenn die Grenze in der Praxis fließend ist.
                - **Sichtbare Wirkung:** Die Region hat etwas davon, zum Beispiel neue Angebote, Arbeitsplätze oder Aufmerksamkeit.

                Die Beispiele unten zeigen, wie unterschiedlich Kooperationen aussehen können, die diese Kriterien erfüllen.
                """,
            BodyEn = """
                A cooperation is listed when it meets every point below. Curators check each entry against them before it is published.

                ## The criteria

                - **Economic purpose:** the partners work towards a business goal – a product, a service, a market.
                - **An SME takes part:** at least one small or medium-sized enterprise with no more than 250 employees, from any sector.
                - **A creative partner:** the other partner belongs to one of the twelve subsectors of the cultural and creative industries, such as design, architecture, software and games or arts and crafts.
                - **Rural place:** the cooperation happens in a municipality of fewer than 20,000 inhabitants; for countries with a different settlement pattern the threshold was scaled accordingly.
                - **At most one urban partner:** one partner may be based in a city if the rural region clearly benefits.
                - **Equal footing:** both sides shape the work together; a plain commission to an agency does not count, even though the line can be blurred in practice.
                - **Visible effect:** the region gains something, for example new offers, jobs or attention.

                The examples below show how different cooperations that meet these criteria can be.
                """,
        },
        new()
        {
            Slug = "learnings", SortOrder = 2, UpdatedAt = Written,
            ExampleSlugs = ["goelles-erlebniswelt", "karakoeje", "lernspiel-wisserz"],
            TitleDe = "Erkenntnisse aus den Kooperationen",
            TitleEn = "What the cooperations teach",
            SummaryDe = "Was die ausgewerteten Kooperationen gemeinsam haben: bewusste Kontaktaufnahme, frühe Vernetzung, gemeinsame Ziele – und welche Hürden KMU bremsen.",
            SummaryEn = "What the evaluated cooperations have in common: deliberate first contact, early networking, shared goals – and the hurdles that hold SMEs back.",
            BodyDe = """
                Die Auswertung der gesammelten Kooperationen (siehe [Auswertung](/evaluation)) zeigt einige wiederkehrende Muster.

                ## Der Ort ist kein Nachteil

                Die Beteiligten sehen den ländlichen Standort selten als Hindernis. Günstigere Kosten, weniger Konkurrenz und mehr Ruhe wiegen fehlende Infrastruktur oft auf – besonders, wenn sich die Fähigkeiten der Partner gut ergänzen.

                ## Kontakt entsteht gezielt

                Die meisten Partner haben sich bewusst gesucht oder bei Veranstaltungen und Workshops kennengelernt. Zufallsbekanntschaften sind die Ausnahme.

                ## Netzwerke tragen

                Wer früh über die eigenen Partner hinaus Kontakte knüpft, findet mehr Rückhalt in der Region, und die Kooperation hält länger.

                ## Gemeinsame Ziele

                Im Mittelpunkt stehen Innovation, das Verbinden von Fähigkeiten und bessere Qualität. Reine Verkaufsziele kommen kaum vor; häufig geht es darum, den Ort attraktiver zu machen. Viele Kooperationen laufen über Jahre.

                ## Hürden

                KMU fehlt es oft an Zeit und Erfahrung mit kreativen Prozessen, an Beratung und an passenden Förderangeboten. Der Anfang kostet Geld, Zeit und Personal und braucht Geduld – danach erleben die Partner die Zusammenarbeit meist als Gewinn.
                """,
            BodyEn = """
                The evaluation of the collected cooperations (see [evaluation](/evaluation)) shows a few recurring patterns.

                ## The place is no drawback

                Those involved rarely see a rural location as an obstacle. Lower costs, less competition and a calmer pace often make up for weaker infrastructure – especially when the partners' skills complement each other well.

                ## Contact is made on purpose

                Most partners looked for each other deliberately or met at events and workshops. Chance acquaintances are the exception.

                ## Networks carry the work

                Partners who reach out beyond their own cooperation early on find more support in the region, and their cooperation lasts longer.

                ## Shared goals

                Innovation, combining skills and better quality are at the centre. Purely sales-driven goals hardly appear; often the aim is to make the place more attractive. Many cooperations run for years.

                ## Hurdles

                SMEs often lack time and experience with creative processes, advice and suitable funding. The start costs money, time and staff and takes patience – after that the partners usually find the cooperation rewarding.
                """,
        },
        new()
        {
            Slug = "advice-for-smes", SortOrder = 3, UpdatedAt = Written,
            ExampleSlugs = ["wachmann-muehle-roger-g-knif", "butze-taktak-kubio", "macaronie-elldus-resort"],
            TitleDe = "Tipps für KMU",
            TitleEn = "Advice for SMEs",
            SummaryDe = "Was Unternehmen beachten sollten, die mit der Kreativwirtschaft zusammenarbeiten wollen: offen sein, langfristig denken, Einblick geben, regelmäßig sprechen.",
            SummaryEn = "What companies should keep in mind when they work with the creative industries: be open, think long term, give insight, talk regularly.",
            BodyDe = """
                Aus den Erfahrungen der beteiligten Unternehmen und Kreativen lassen sich einige praktische Hinweise ableiten.

                - **Offen und mutig sein:** Kreative Prozesse verlaufen anders als gewohnte Abläufe. Wer Ungewohntes zulässt, gewinnt neue Ideen.
                - **Langfristig planen:** Strategische Ziele erreichen Partner selten in einem einzigen Projekt. Eine Zusammenarbeit über mehrere Jahre zahlt sich aus.
                - **Vertrauen und Einblick geben:** Die Kreativpartner brauchen Zugang zu Abläufen, Zielen und Menschen im Betrieb – nur dann entsteht etwas Passendes.
                - **Auf Augenhöhe arbeiten:** Das Ergebnis wird besser, wenn beide Seiten gestalten, statt dass eine Seite nur bestellt.
                - **Regelmäßig austauschen:** Feste, gern moderierte Termine halten Erwartungen und Arbeitsstand abgestimmt und helfen, weitere Partner früh einzubinden.
                - **Partner in der Nähe suchen:** Kreative aus der eigenen Region kennen den Ort und bleiben erreichbar.

                Die Ratschläge der Beteiligten selbst stehen auf jeder Profilseite unter „Tipps“.
                """,
            BodyEn = """
                The experience of the companies and creatives involved leads to some practical pointers.

                - **Be open and bold:** creative processes run differently from familiar routines. Allowing the unfamiliar brings new ideas.
                - **Plan for the long term:** partners rarely reach strategic goals in a single project. Working together over several years pays off.
                - **Trust and give insight:** the creative partners need access to the company's processes, goals and people – only then does something fitting emerge.
                - **Work on an equal footing:** the result improves when both sides shape it instead of one side simply placing an order.
                - **Meet regularly:** fixed, ideally moderated meetings keep expectations and progress aligned and help to bring in further partners early.
                - **Look for partners nearby:** creatives from the own region know the place and stay within reach.

                The partners' own advice is on every profile page under "Advice".
                """,
        },
        new()
        {
            Slug = "advice-for-municipalities", SortOrder = 4, UpdatedAt = Written,
            ExampleSlugs = ["wertzeugkiste", "4d-landkino", "goelles-erlebniswelt"],
            TitleDe = "Tipps für Kommunen und Politik",
            TitleEn = "Advice for municipalities and policy",
            SummaryDe = "Wie Gemeinden, Wirtschaftsförderungen und LEADER-Gruppen Kooperationen zwischen KMU und Kreativwirtschaft anstoßen und begleiten können.",
            SummaryEn = "How municipalities, business-development agencies and LEADER groups can start and support cooperations between SMEs and the creative industries.",
            BodyDe = """
                Kommunen, Wirtschaftsförderungen und die LEADER-Regionen sind für solche Kooperationen wichtige Türöffner.

                - **Menschen zusammenbringen:** Veranstaltungen, Workshops und Beratung helfen KMU und Kreativen, sich kennenzulernen. Solche Angebote werden ausdrücklich gewünscht.
                - **Die eigene Kreativszene kennen:** Gute Vermittlung setzt voraus, dass die Beratenden die Kreativen und Unternehmen vor Ort kennen. Hier gibt es oft Nachholbedarf.
                - **Finanzierung erleichtern:** Zugeschnittene Förderung für die Startphase senkt die Hürde, eine erste Zusammenarbeit zu wagen. Bestehende Programme sollten bekannter werden.
                - **Anreize setzen:** Kooperationen stärken regionale Wertschöpfung, touristische und kulturelle Angebote, Infrastruktur und die Gewinnung von Fachkräften – das lohnt eine gezielte Unterstützung.
                - **Kreative Arbeit angemessen bezahlen:** Förderangebote sollten eine faire Vergütung kreativer Leistungen vorsehen.
                - **Netzwerke pflegen:** Kontakte müssen laufend gepflegt werden, damit aus einzelnen Projekten dauerhafte Zusammenarbeit wird.

                Die Karte auf der Startseite lässt sich nach Region filtern; der Feed „Diese Ansicht abonnieren“ meldet neue Kooperationen in Ihrer Gegend.
                """,
            BodyEn = """
                Municipalities, business-development agencies and LEADER regions open many doors for such cooperations.

                - **Bring people together:** events, workshops and advice help SMEs and creatives to meet. Such offers are explicitly asked for.
                - **Know the local creative scene:** good matchmaking needs advisers who know the creatives and companies nearby. There is often room to improve here.
                - **Make funding easier:** funding tailored to the start-up phase lowers the barrier to a first cooperation. Existing programmes should be better known.
                - **Create incentives:** cooperations strengthen regional value chains, tourist and cultural offers, infrastructure and the recruitment of skilled workers – worth targeted support.
                - **Pay creative work fairly:** funding schemes should provide for appropriate pay for creative services.
                - **Keep networks alive:** contacts need continuous care so that single projects grow into lasting collaboration.

                The map on the home page can be filtered by region; its "subscribe to this view" feed reports new cooperations in your area.
                """,
        },
    ];
}
