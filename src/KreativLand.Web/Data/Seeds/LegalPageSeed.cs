using KreativLand.Web.Domain;

namespace KreativLand.Web.Data.Seeds;

/// <summary>
/// The first text of the imprint and the privacy notice, inserted once by the migration LegalPages. The imprint names what
/// the operator has to fill in (KreativLand cannot know who runs an installation); the privacy notice lists what this
/// software stores. Afterwards the admins own both texts in the database (/admin/settings/legal).
/// </summary>
public static class LegalPageSeed
{
    public static readonly DateTimeOffset Written = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<LegalPage> Pages { get; } =
    [
        new()
        {
            Slug = LegalPage.Imprint, UpdatedAt = Written,
            TitleDe = "Impressum",
            TitleEn = "Imprint",
            BodyDe = """
                **Der Betreiber dieser Installation hat das Impressum noch nicht ausgefüllt.**

                Wer KreativLand öffentlich betreibt, trägt hier unter *Verwaltung › Einstellungen › Rechtliche Seiten* ein:

                - Name und Anschrift des Betreibers (bei einem Verein oder einer GmbH auch die vertretungsberechtigten Personen),
                - wie man ihn schnell erreicht: E-Mail-Adresse und möglichst eine Telefonnummer,
                - Registergericht und Registernummer, falls eingetragen,
                - Umsatzsteuer-Identifikationsnummer, falls vorhanden,
                - wer für die redaktionellen Inhalte verantwortlich ist.

                ## Inhalte

                Die Einträge werden von einem Redaktionsteam anhand der Aufnahmekriterien geprüft. Die Beispieldaten dieser Installation fassen den öffentlichen Bericht „KreativLandTransfer – Europäische Perspektiven“ (2024) in eigenen Worten zusammen; sie sind keine amtliche Kopie.

                Ortsnamen und Koordinaten der Ortssuche: GeoNames (www.geonames.org), CC BY 4.0. Kartenhintergrund: © OpenStreetMap-Mitwirkende, sofern der Betreiber keinen anderen Kartendienst einstellt.
                """,
            BodyEn = """
                **The operator of this installation has not filled in the imprint yet.**

                Whoever runs KreativLand publicly enters here, under *Administration › Settings › Legal pages*:

                - the operator's name and postal address (for an association or a company also the people authorised to represent it),
                - how to reach the operator quickly: an e-mail address and preferably a telephone number,
                - the register court and registration number, if registered,
                - the VAT identification number, if there is one,
                - who is responsible for the editorial content.

                ## Content

                Every listing is checked by an editorial team against the inclusion criteria. The sample listings of this installation summarise the public report "KreativLandTransfer – European Perspectives" (2024) in our own words; they are not an authoritative copy.

                Place names and coordinates of the place search: GeoNames (www.geonames.org), CC BY 4.0. Map background: © OpenStreetMap contributors, unless the operator configures another map service.
                """,
        },
        new()
        {
            Slug = LegalPage.Privacy, UpdatedAt = Written,
            TitleDe = "Datenschutz",
            TitleEn = "Privacy",
            BodyDe = """
                Diese Seite sagt, welche personenbezogenen Daten KreativLand speichert, wozu und wie lange. Verantwortlich ist der im [Impressum](/de/imprint) genannte Betreiber.

                ## Keine Analyse, keine Werbung

                KreativLand setzt **keine Analyse- oder Statistikdienste, keine Werbung und keine Tracker** ein und bindet keine Schriften, Skripte oder Videos von fremden Servern ein.

                ## Was gespeichert wird

                **Einreichungen („Teil werden“).** Wer eine Kooperation vorschlägt, sendet die Angaben des Formulars: Titel und Beschreibung, Ort, Namen, Websites und Angaben der beteiligten Unternehmen sowie eine Kontakt-E-Mail-Adresse. Gespeichert wird auch die Einwilligung in diese Verarbeitung mit ihrem Zeitpunkt. Die Angaben dienen der Prüfung durch die Redaktion; veröffentlicht wird nur, was die Redaktion freigibt. Die E-Mail-Adresse wird nie veröffentlicht und nach der Entscheidung über die Einreichung innerhalb der vom Betreiber eingestellten Frist gelöscht. Rechtsgrundlage ist die Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die jederzeit widerrufen werden kann.

                **Konten der Redaktion.** Für Kuratorinnen, Kuratoren und Admins werden E-Mail-Adresse, Rolle, ein Passwort-Hash (nie das Passwort selbst), gegebenenfalls der Schlüssel der Zwei-Faktor-Anmeldung sowie die Änderungen gespeichert, die sie an Einträgen vornehmen (Verlauf). Öffentliche Konten gibt es nicht.

                **Server-Protokolle.** Zu jeder Anfrage protokolliert der Server Zeitpunkt, aufgerufene Adresse, Antwortstatus, Dauer, Browserkennung und die IP-Adresse, um Fehler und Angriffe zu erkennen (berechtigtes Interesse, Art. 6 Abs. 1 lit. f DSGVO). Vollständige IP-Adressen werden nur für einen vom Betreiber eingestellten kurzen Zeitraum aufbewahrt.

                **Cookies.** KreativLand setzt nur Cookies, die für die Funktion nötig sind: die gewählte Sprache, ein Schutz-Cookie gegen gefälschte Formulare (beim Absenden eines Formulars) und – nur für die Redaktion – das Anmelde-Cookie. Es gibt keine Cookies zu Analyse- oder Werbezwecken, daher auch keinen Cookie-Banner.

                **Einwilligung für Karten auf anderen Websites.** Die eingebettete Karte auf Partner-Websites lädt den Kartenhintergrund erst, nachdem Besucherinnen und Besucher zugestimmt haben; diese Entscheidung wird nicht gespeichert.

                ## Kartendienst

                Den Kartenhintergrund (Kacheln) lädt Ihr Browser direkt vom eingestellten Kartendienst, standardmäßig OpenStreetMap. Dieser Dienst erhält dabei Ihre IP-Adresse und die Adresse der Kachel; es gelten seine Datenschutzbestimmungen. Orte, Filter und Einträge kommen ausschließlich von KreativLand.

                ## Ihre Rechte

                Sie können Auskunft über Ihre gespeicherten Daten verlangen, deren Berichtigung oder Löschung, die Einschränkung der Verarbeitung und die Herausgabe Ihrer Daten, einer Verarbeitung widersprechen und sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Wenden Sie sich dafür an den Betreiber (siehe [Impressum](/de/imprint)).
                """,
            BodyEn = """
                This page says which personal data KreativLand stores, why and for how long. The controller is the operator named in the [imprint](/en/imprint).

                ## No analytics, no advertising

                KreativLand runs **no analytics or statistics services, no advertising and no trackers**, and loads no fonts, scripts or videos from other servers.

                ## What is stored

                **Submissions ("Become part").** Whoever proposes a cooperation sends what the form asks for: title and description, place, names, websites and details of the companies involved, and a contact e-mail address. The consent to this processing is stored too, with its time. The data serves the editorial review; only what the editors approve is published. The e-mail address is never published and is deleted within the period the operator sets after the submission has been decided. The legal basis is consent (Art. 6(1)(a) GDPR), which can be withdrawn at any time.

                **Editorial accounts.** For curators and admins, the site stores the e-mail address, role, a password hash (never the password itself), where used the two-factor sign-in key, and the changes they make to listings (history). There are no public accounts.

                **Server logs.** For each request the server logs the time, the address requested, the status, the duration, the browser's identification and the IP address, to find errors and attacks (legitimate interest, Art. 6(1)(f) GDPR). Full IP addresses are kept only for a short period the operator sets.

                **Cookies.** KreativLand sets only the cookies it needs to work: the language you chose, a cookie that protects forms against forgery (when you send a form) and – for the editors only – the sign-in cookie. There are no analytics or advertising cookies, and so no cookie banner.

                **Consent for maps on other websites.** The map embedded on partner websites loads the map background only after visitors agree; that choice is not stored.

                ## Map service

                Your browser loads the map background (tiles) directly from the configured map service, by default OpenStreetMap. That service receives your IP address and the tile's address; its privacy policy applies. Places, filters and listings come from KreativLand only.

                ## Your rights

                You may ask for access to your stored data, its correction or deletion, restriction of processing and a copy of your data, object to processing, and complain to a data protection authority. Contact the operator for this (see the [imprint](/en/imprint)).
                """,
        },
    ];
}
