site-name = Kolmonen
home-tagline = Tredje sektorn som stöd för sysselsättningen
language-name = På svenska
language-switch = Språk
skip-to-content = Hoppa till innehållet
nav-main = Huvudmeny
nav-home = Startsida
nav-opportunities = Lediga platser
nav-organizations = Organisationer
nav-municipalities = Kommuner
breadcrumbs = Du är här
search-label = Sök i hela Kolmonen
search-button = Sök
search-title = Sökning
search-results-count = { $count ->
    [0] Inga resultat
    [one] Ett resultat
   *[other] { $count } resultat
}
search-empty-words = Inget hittades med orden ”{ $word }”. Pröva ett kortare ord, ta bort avgränsningar eller bläddra bland lediga platser och organisationer.
search-empty-filters = Inget hittades med de här avgränsningarna. Ta bort någon eller bläddra bland lediga platser och organisationer.
search-empty-words-filters = Inget hittades med orden ”{ $word }” och de här avgränsningarna. Ta bort någon avgränsning, pröva ett kortare ord eller bläddra bland lediga platser och organisationer.
search-page-beyond = Sidan { $page } finns inte: { $pages ->
    [one] sökningen har bara en sida
   *[other] sökningen har { $pages } sidor
}. Här är den sista.
list-page-beyond = Sidan { $page } finns inte: { $pages ->
    [one] listan har bara en sida
   *[other] listan har { $pages } sidor
}. Här är den sista.
footer-about = Kolmonen är föreningarnas, stiftelsernas och andelslagens gemensamma tjänstekatalog för arbetssökande och dem som stöder dem.
footer-open-data = Öppna data och gränssnitt
home-lead = Hitta organisationernas verksamhet, tjänster och lediga platser för arbetsprövning, lönesubventionerat arbete och frivilligarbete på ett ställe.
home-search-label = Vad söker du?
home-search-hint = Till exempel djur, vävning, kafé eller arbetsprövning
home-newest-opportunities = De senaste lediga platserna
home-organizations = Organisationer
home-join-title = För organisationer
home-join-text = Stöder er förening, stiftelse eller ert andelslag människor på väg till arbete? Kolmonen samlar alla på ett ställe, så att arbetssökande, jobbcoacher och kommuner hittar er.
organizations-all = { $count ->
    [one] Se alla organisationer (1)
   *[other] Se alla { $count } organisationer
}
opportunities-all = { $count ->
    [one] Se alla lediga platser (1)
   *[other] Se alla { $count } lediga platser
}
organizations-title = Organisationer och aktörer
organizations-count = { $count ->
    [0] Inga organisationer
    [one] 1 organisation
   *[other] { $count } organisationer
}
opportunities-title = Lediga platser
opportunities-count = { $count ->
    [0] Inga platser
    [one] 1 plats
   *[other] { $count } platser
}
open-opportunities-count = { $count ->
    [0] inga lediga platser
    [one] 1 ledig plats
   *[other] { $count } lediga platser
}
municipalities-title = Kommuner
municipality-no-opportunities = Just nu finns det inga lediga platser i kommunen.
municipality-no-services = Kommunen har ännu inga tjänster i Kolmonen.
municipality-no-organizations = Kommunen har ännu inga aktörer i Kolmonen.
municipality-all-opportunities = Alla platser i kommunen
municipality-all-organizations = Alla organisationer i kommunen
municipality-projects-title = Pågående projekt
municipality-no-projects = Kolmonen känner inte till några pågående projekt i kommunen.
municipality-all-projects = Alla pågående projekt i kommunen ({ $count })
municipality-all-services = Alla tjänster och verksamheter i kommunen
filter-legend = Avgränsa sökningen
filter-municipality = Kommun
filter-all-municipalities = Alla kommuner
filter-type = Typ av plats
filter-all-types = Alla typer
filter-open-only = Endast platser man kan söka nu
filter-apply = Visa
pager-nav = Sidor
pager-prev = Föregående sida
pager-next = Nästa sida
pager-label = Sida { $page } / { $pages }
kind-organization = Organisation
kind-activity = Verksamhet
kind-service = Tjänst
kind-activity-explanation = Verksamhet är organisationens egen, oftast avgiftsfria verksamhet som man kan delta i utan remiss.
kind-service-explanation = En tjänst produceras av organisationen och kan köpas av kommunen, välfärdsområdet eller sysselsättningstjänsterna för en kund.
legal-form-association = Förening
legal-form-foundation = Stiftelse
legal-form-cooperative = Andelslag
legal-form-social_enterprise = Socialt företag
legal-form-municipality = Kommun
legal-form-parish = Församling
legal-form-company = Företag
legal-form-other = Annan aktör
badge-verified = Granskad aktör
fresh-checked = Uppgifterna granskade { $date }
fresh-stale = Uppgifterna granskades senast { $date } och kan vara föråldrade
fallback-in-finnish = (på finska)
fallback-in-swedish = (på svenska)
fallback-in-english = (på engelska)
tag-free = Avgiftsfri
tag-low-threshold = Låg tröskel
tag-part-time = Deltid
places-free = { $count ->
    [one] 1 plats ledig
   *[other] { $count } platser lediga
}
hours-per-week-value = { $count } h/vecka
status-open = Ansökan öppen
status-full = Platserna är fyllda
status-closed = Ansökan har gått ut
offered-by = Arrangör:
what-is-this = Vad är detta?
section-locations = Verksamhetsställen
section-services = Tjänster och verksamhet
section-opportunities = Platser
section-open-opportunities = Lediga platser
section-contacts = Kontaktuppgifter
section-tasks = Vad du gör
section-requirements = För vem och vad som behövs
section-where = Var
section-how-to-apply = Så här söker du
apply-ask-organization = Fråga organisationen om platsen:
apply-see-organization = Fråga organisationen om platsen; kontaktuppgifterna finns på dess sida:
field-legal-form = Typ av aktör
field-business-id = FO-nummer
field-website = Webbplats
field-email = E-post
field-address = Adress
field-phone = Telefon
field-areas-served = Verksamhetsområde
field-networks = Nätverk
field-target-groups = För vem
field-topics = Ämnen
field-languages = Språk
field-cost = Pris
field-low-threshold = Att komma
field-eligibility = Villkor
field-age = Ålder
field-schedule = Öppettider
field-how-to-get-there = Så här hittar du dit
field-funding = Finansiering
field-accessibility = Tillgänglighet
field-places = Lediga platser / totalt
field-hours-per-week = Arbetstid
field-part-time = Deltid
field-starts = Börjar
field-apply-by = Sista ansökningsdag
field-suits = Passar särskilt
yes = Ja
no = Nej
yes-low-threshold = Låg tröskel: du kan komma utan remiss eller tidsbokning
no-referral-needed = Be organisationen eller din jobbcoach om vägledning
cost-ask = Fråga organisationen om priset
language-fi = finska
language-sv = svenska
language-en = engelska
language-ru = ryska
language-ar = arabiska
language-so = somaliska
language-et = estniska
language-uk = ukrainska
language-fa = persiska
language-selkokieli = lättläst finska
error-not-found-title = Sidan hittades inte
error-not-found-message = Sidan du söker finns inte eller har tagits bort. Kontrollera adressen eller börja från startsidan.
error-bad-request-title = Felaktig begäran
error-bad-request-message = Adressen innehöll något vi inte förstod, till exempel en okänd kommun eller ett sidnummer. Kontrollera adressen eller gå tillbaka.
error-internal-title = Något gick fel
error-internal-message = Det uppstod ett fel i tjänsten. Försök igen om en stund.
error-unavailable-title = Tjänsten är inte tillgänglig just nu
error-unavailable-message = Försök igen om en stund.
error-forbidden-title = Inte tillåtet
error-forbidden-message = Du har inte rätt att göra detta. Om du borde ha det har formuläret kanske varit öppet för länge: gå tillbaka, ladda om sidan och försök igen.
error-too-large-title = För mycket på en gång
error-too-large-message = Det du skickade är större än vi tar emot. Korta av det och försök igen.
error-method-title = Här finns inget att visa
error-method-message = Den här adressen tar bara emot formulär från våra sidor. Gå tillbaka till sidan du kom från eller börja från startsidan.
error-timeout-title = Det här tog för lång tid
error-timeout-message = Servern hann inte svara. Försök igen om en stund.
error-back-home = Gå till startsidan
hsds-taxonomy-target-group = Kolmonens målgrupper: för vem tjänsten eller platsen är avsedd.
hsds-taxonomy-topic = Kolmonens ämnen och intressen.
hsds-taxonomy-opportunity-type = Kolmonens platstyper: arbetsprövning, lönesubvention, arbetsverksamhet, frivilligarbete, läroavtal och arbetsplats.
hsds-taxonomy-service-kind = Verksamhet (organisationens egen verksamhet) eller tjänst (köpbar tjänst).
hsds-taxonomy-property = Kolmonens tilläggsuppgifter som saknar eget fält i HSDS; värdet finns i attributets value-fält.
hsds-api-title = Kolmonen – Open Referral HSDS 3.0-gränssnitt

# Search (issue 4)
search-error-title = Kontrollera sökningen
search-error-lang = Språket kan vara fi, sv eller en.
search-error-type = Typen kan vara tjänst, plats, organisation, evenemang, projekt eller en artikel i kunskapsbanken.
search-error-near = Vi känner inte till den platsen. Skriv ett postnummer (t.ex. 15140), en kommun eller en ort.
search-error-radius = Avståndet ska vara 0–1500 km.
search-error-sort = Ordningen kan vara relevans, avstånd, nyaste eller ansökningstid.
search-error-number = Sidnumret ska vara ett positivt heltal.
search-near-label = Nära
search-near-hint = Postnummer eller ort
search-radius-label = Högst
search-radius-any = Vilket avstånd som helst
search-sort-label = Ordning
search-sort-relevance = Mest relevanta först
search-sort-distance = Närmaste först
search-sort-newest = Nyaste först
search-sort-apply_by = Ansökningstiden går ut först
search-filters-title = Avgränsa sökningen
search-facet-chosen = vald, ta bort valet
search-active-filters = Avgränsningar
search-remove-filter = Ta bort avgränsningen { $filter }
search-unmatched = Vi hittade inget för ”{ $word }”, så vi sökte utan det.
search-near-place = Avstånden mäts från { $place }.
search-place-from-words = Sökningen gjordes inom { $radius } km från { $place }.
search-without-filter = Utan avgränsningen { $filter }: { $count ->
    [one] en träff
   *[other] { $count } träffar
}
search-distance = { $km } km
search-facet-q = Sökord
search-facet-near = Nära
search-facet-radius_km = Högst
search-facet-type = Vad du söker
search-facet-kind = Närmare slag
search-kind-activity = Organisationens egen verksamhet
search-kind-service = Tjänst som kan köpas
search-facet-municipality = Kommun
search-facet-region = Landskap
search-facet-target_group = För vem
search-facet-topic = Ämne
search-facet-language = Språk
search-facet-cost = Pris
search-facet-part_time = Deltid
search-facet-accessible = Tillgänglighetsuppgifter
search-facet-low_threshold = Låg tröskel
search-facet-open = Lediga platser
search-type-service = Tjänst eller verksamhet
search-type-opportunity = Ledig plats
search-type-organization = Organisation
search-type-event = Evenemang
search-type-project = Projekt
search-cost-free = Avgiftsfri
search-cost-paid = Avgiftsbelagd
search-flag-part_time = Deltid
search-flag-accessible = Tillgänglighetsuppgifter
search-flag-low_threshold = Låg tröskel
search-flag-open = Lediga platser

## Accounts
account-error-email = Det här är ingen e-postadress. Kontrollera adressen, till exempel namn@exempel.fi.
account-error-organization-needed = Den här rollen agerar för en organisation: välj organisation.
account-error-no-such-organization = Organisationen hittas inte. Kontrollera id:t.
account-error-taken = Det finns redan ett konto med den här e-postadressen.
password-error-short = Lösenordet måste ha minst 8 tecken.
password-error-long = Lösenordet får ha högst 128 tecken.
password-error-common = Det här är ett av de vanligaste lösenorden och lätt att gissa. Välj ett annat, till exempel en mening med några ord.
password-error-name = Lösenordet får inte innehålla organisationens namn eller e-postadressen.
password-error-site = Lösenordet får inte innehålla tjänstens namn (Kolmonen). Välj ett annat, till exempel en mening med några ord.
password-error-repeated = Lösenordet kan inte vara ett och samma tecken eller bara mellanslag. Välj till exempel en mening med några ord.

## Inloggning och kontot
nav-account = Ditt konto
nav-signing-in = Inloggning pågår
nav-cancel-sign-in = Avbryt
nav-messages-unread = { $count ->
    [0] Meddelanden
    [one] Meddelanden (1 nytt)
   *[other] Meddelanden ({ $count } nya)
}
nav-login = Logga in
form-error-title = Kontrollera de här
login-title = Logga in
login-email-label = E-postadress
login-password-label = Lösenord
login-button = Logga in
login-forgot = Glömt lösenordet?
login-no-account = Har du inget konto ännu?
login-signup-link = Registrera dig
login-error-refused = E-postadressen eller lösenordet stämmer inte. Kontrollera dem och försök igen.
login-error-unconfirmed = Din e-postadress är inte bekräftad ännu. Vi skickade en ny länk: öppna den och logga sedan in.
login-error-throttled = För många försök. För din säkerhet, försök igen om { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
}.
login-throttled-reset = Om kontot är ditt kommer du in genast: byt lösenord med länken som kommer per e-post, så blir den här webbläsaren ihågkommen och andras försök stoppar dig inte längre.
login-signed-out = Du har loggat ut.
logout-button = Logga ut
account-title = Ditt konto
account-email = E-postadress
account-role = Roll
account-organization = Organisation
account-password-title = Byt lösenord
account-current_password-label = Nuvarande lösenord
account-new_password-label = Nytt lösenord
account-new_password-hint = Minst 8 tecken. En mening på några ord är lätt att minnas och svår att gissa.
account-password-button = Byt lösenordet
account-password-changed = Ditt lösenord har bytts. Du loggades ut överallt annars.
account-delete-title = Radera ditt konto
account-delete-text = Ditt konto och allt i det raderas för gott. Det går inte att ångra.
account-delete_password-label = Ditt lösenord, som bekräftelse
account-delete-button = Radera mitt konto
account-deleted = Ditt konto har raderats.
account-error-wrong-password = Lösenordet stämmer inte.
role-job_seeker = Arbetssökande
role-organization_member = Medlem i en organisation
role-organization_admin = Organisationens administratör
role-network_coordinator = Nätverkets koordinator
role-platform_admin = Tjänstens administratör
role-data_protection_officer = Dataskyddsombud
login-confirmed = Din e-postadress är bekräftad. Du kan logga in nu.
login-reset = Ditt lösenord har bytts och du loggades ut överallt. Logga in med det nya lösenordet.
signup-title = Registrera dig
signup-intro = Med ett konto kan du ha en egen profil och visa intresse för lediga platser. Organisationer registrerar sig med organisationsformuläret.
signup-email-label = E-postadress
signup-email-hint = Vi skickar en länk till adressen så att du kan bekräfta att den är din. Ingen annan ser den.
signup-password-label = Lösenord
signup-password-hint = Minst 8 tecken. En mening på några ord är lätt att minnas och svår att gissa.
signup-button = Registrera dig
signup-have-account = Har du redan ett konto?
signup-sent = Tack! Titta i din e-post: vi skickade en länk för att bekräfta adressen. Länken fungerar i 48 timmar. Om inget kommer, titta också i skräpposten.
confirm-title = Bekräfta din e-postadress
confirm-text = Tryck på knappen för att bekräfta att adressen är din. Sedan kan du logga in.
confirm-button = Bekräfta min adress
link-expired-title = Länken fungerar inte längre
account-error-link-expired = Länken har redan använts eller gått ut. Be om en ny: registrera dig igen eller byt lösenord.
reset-title = Glömt lösenordet?
reset-intro = Skriv ditt kontos e-postadress. Vi skickar en länk för att välja ett nytt lösenord; länken fungerar i en timme.
reset-email-label = E-postadress
reset-button = Skicka länken
reset-sent = Om det finns ett konto med adressen skickade vi en länk till den. Titta i din e-post, också i skräpposten.
reset-new-title = Välj ett nytt lösenord
reset-new-button = Spara det nya lösenordet
throttled-title = För många försök
throttled-text = Vänta { $minutes ->
    [one] en minut
   *[other] { $minutes } minuter
} och försök igen.
mail-confirm-subject = Bekräfta din e-postadress för Kolmonen
mail-confirm-body = Hej,

    någon (troligen du) registrerade sig på Kolmonen med den här adressen. Öppna länken för att bekräfta den:

    { $link }

    Länken fungerar i 48 timmar. Om det inte var du kan du strunta i meddelandet.

    Kolmonen
mail-exists-subject = Du har redan ett konto på Kolmonen
mail-exists-body = Hej,

    någon (troligen du) försökte registrera sig på Kolmonen med den här adressen, men den har redan ett konto. Logga in här:

    { $link }

    Om du har glömt lösenordet, välj "Glömt lösenordet?" på sidan. Om det inte var du kan du strunta i meddelandet.

    Kolmonen
mail-reset-subject = Nytt lösenord för Kolmonen
mail-reset-body = Hej,

    någon (troligen du) bad om ett nytt lösenord för Kolmonen-kontot med den här adressen. Välj ett nytt lösenord här:

    { $link }

    Länken fungerar i en timme och en gång. Om du inte bad om det kan du strunta i meddelandet: ditt lösenord förblir som det är.

    Kolmonen
form-choose = Välj…
form-save = Spara
form-saved = Sparat. Ändringarna syns i sökningen genast.
deleted-user = raderad användare
account-register-link = Registrera din organisation
account-edit-organization = Redigera din organisations profil
account-queue-link = Organisationer som väntar på verifiering
register-title = Registrera en organisation
register-intro = Ett formulär för alla föreningar, stiftelser, andelslag och sociala företag. Efter registreringen kan du lägga till era tjänster och lediga platser; en koordinator verifierar organisationen.
register-name-label = Organisationens namn
register-legal_form-label = Typ
register-business_id-label = FO-nummer (Y-tunnus)
register-business_id-hint = Till exempel 0737546-2. Lämna tomt om organisationen inte har något.
register-contact_name-label = Kontaktperson
register-contact_name-hint = Syns bara för koordinatorerna som verifierar organisationen.
register-municipality-label = Hemkommun
register-description-label = Vad organisationen gör
register-description-hint = Några meningar: vad ni gör, för vem och var. Finska och engelska beskrivningar kan du lägga till senare.
register-button = Registrera
register-done = Organisationen är registrerad och du är dess administratör. Komplettera profilen; en koordinator verifierar organisationen.
register-done-second-factor = Organisationen är registrerad och du är dess administratör. Eftersom du nu sköter dess uppgifter tar du först i bruk en andra identifiering. Sedan kompletterar du profilen, och Kolmonens koordinator verifierar organisationen.
register-has-organization = Ditt konto företräder redan en organisation. Registrera en annan med en annan e-postadress.
register-same-business-id-text = En organisation med det här FO-numret finns redan på Kolmonen. Be dess administratör att bjuda in dig:
register-similar-text = Organisationer med liknande namn finns redan på Kolmonen. Är din en av dem? I så fall, be dess administratör att bjuda in dig.
register-different-label = Min organisation är ingen av dessa: registrera den
register-error-name = Ange organisationens namn (minst 2 tecken).
register-error-name-long = Namnet får ha högst 200 tecken.
register-error-legal-form = Välj organisationens typ.
register-error-business-id-format = Ett FO-nummer har sju siffror, ett bindestreck och en kontrollsiffra, till exempel 0737546-2.
register-error-business-id-check = FO-numrets kontrollsiffra stämmer inte. Kontrollera numret.
register-error-contact = Ange en kontaktperson.
register-error-contact-long = Kontaktpersonen får ha högst 100 tecken.
register-error-municipality = Välj hemkommun.
register-error-description = Berätta med minst 20 tecken vad organisationen gör.
register-error-description-long = Beskrivningen får ha högst 4 000 tecken.
register-error-same-business-id = FO-numret hör redan till en organisation på Kolmonen.
queue-title = Organisationer som väntar på verifiering
queue-verified = Organisationen är verifierad.
queue-empty = Ingen organisation väntar.
queue-registered = Registrerad
queue-verify-button = Verifiera
profile-title = Redigera profilen
profile-not-verified = Inte verifierad ännu: en koordinator granskar organisationen.
profile-name-label = Organisationens namn
profile-legal_form-label = Typ
profile-business_id-label = FO-nummer (Y-tunnus)
profile-description_fi-label = Vad organisationen gör, på finska
profile-description_sv-label = På svenska
profile-description_en-label = På engelska
profile-website-label = Webbplats
profile-website-hint = Börjar med https://
profile-email-label = Offentlig e-postadress
profile-phone-label = Telefon
profile-error-website = Ange en webbadress som börjar med https:// eller http://.
profile-error-phone = Ange ett telefonnummer med siffror, till exempel 040 123 4567.
history-title = Ändringshistorik
history-empty = Inga ändringar ännu.
history-kind-organization = Profil
history-kind-service = Tjänst
history-kind-opportunity = Plats
history-kind-location = Verksamhetsställe
field-name = Namn
field-description-fi = Beskrivning (fi)
field-description-sv = Beskrivning (sv)
field-description-en = Beskrivning (en)
edit-error-one-line = Skriv det här på en rad, utan radbrytningar, styrtecken eller osynliga tecken.
edit-error-too-long = Det här är för långt. Korta av det.
edit-error-unknown-choice = Välj i listan.
edit-error-name = Ange ett namn på finska (minst 2 tecken).
edit-error-description = Beskriv på finska med minst 10 tecken.
edit-error-kind = Välj ett alternativ.
edit-error-places-free = Det kan inte finnas fler lediga platser än platser sammanlagt.
edit-error-number = Ange ett heltal från 0 till 1 000.
edit-error-hours = Ange timmar per vecka som ett heltal från 1 till 60, eller lämna tomt.
edit-error-date = Ange datumet som dag.månad.år, till exempel 7.1.2027.
edit-error-no-such-date = Den här dagen finns inte i kalendern. Kontrollera dag, månad och år (åren 2000–2100), till exempel 7.1.2027.
edit-warning-apply-by-past = Ansökningstiden har redan gått ut, så platsen visas som stängd överallt. Om ansökan fortsätter, ändra sista ansökningsdagen till en kommande dag.
desk-title = Din organisations skrivbord
desk-new-service = Lägg till en tjänst eller verksamhet
desk-new-opportunity = Lägg till en ledig plats
desk-edit-service = Redigera tjänsten
desk-edit-opportunity = Redigera den lediga platsen
desk-public-page = Offentlig sida
desk-profile = Profil
desk-records = Tjänster och lediga platser
desk-empty = Inget ännu. Lägg till den första tjänsten eller lediga platsen.
desk-edit = Redigera
desk-confirm-button = Aktuell
desk-confirmed = Tack! Markerad som granskad i dag.
account-desk-link = Din organisations tjänster och lediga platser
edit-none = Ingen
edit-name_fi-label = Namn på finska
edit-name_sv-label = Namn på svenska
edit-name_en-label = Namn på engelska
edit-title_fi-label = Rubrik på finska
edit-title_sv-label = Rubrik på svenska
edit-title_en-label = Rubrik på engelska
edit-description_fi-label = Beskrivning på finska
edit-description_sv-label = Beskrivning på svenska
edit-description_en-label = Beskrivning på engelska
edit-kind-label = Slag
edit-schedule-label = Öppettider
edit-schedule-hint = Till exempel: mån–tors 9–15
edit-free-label = Avgiftsfri
edit-low_threshold-label = Låg tröskel: kom som du är, ingen remiss behövs
edit-topics-label = Ämnen
edit-target_groups-label = För vem
edit-locations-label = Var
edit-locations-hint = Tjänsten finns på sidorna för de kommuner där dess verksamhetsställen ligger och i sökningen per kommun.
edit-locations-add = Din organisation har inga verksamhetsställen än: lägg till ett verksamhetsställe
edit-warning-no-place = Tjänsten har inget verksamhetsställe, så den syns inte på någon kommunsida eller i sökningen per kommun. Välj ett verksamhetsställe för den.
edit-status-label = Status
edit-places_total-label = Platser sammanlagt
edit-places_free-label = Lediga platser
edit-places_free-hint = När ingen plats är ledig visas platsen som full.
edit-hours_per_week-label = Timmar per vecka
edit-starts_on-label = Börjar
edit-starts_on-hint = Till exempel 7.1.2027 (dag.månad.år).
edit-apply_by-label = Sök senast
edit-apply_by-hint = Sista ansökningsdag, till exempel 7.1.2027. Därefter visas platsen som stängd.
edit-how_to_apply-label = Så söker du
edit-location-label = Verksamhetsställe
edit-location-none-hint = Din organisation har inga verksamhetsställen än. Lägg till ett på skrivbordet, så kan du välja det här.
edit-service-label = Del av tjänsten
edit-part_time-label = Deltid
field-name-fi = Namn (fi)
field-name-sv = Namn (sv)
field-name-en = Namn (en)
field-title-fi = Rubrik (fi)
field-title-sv = Rubrik (sv)
field-title-en = Rubrik (en)
field-kind = Slag
field-free = Avgiftsfri
field-locations = Verksamhetsställen
field-location = Verksamhetsställe
field-service = Tjänst
field-status = Status
field-places-total = Platser sammanlagt
field-places-free = Lediga platser
field-starts-on = Börjar
field-how-to-apply = Så söker du
field-last-verified-at = Granskad
second-factor-title = Skriv koden från appen
second-factor-text = Öppna autentiseringsappen och skriv den sexsiffriga kod den visar för Kolmonen. Om du har tappat bort telefonen, skriv en av dina reservkoder.
second-factor-setup-title = Ta i bruk en autentiseringsapp
second-factor-setup-text = Utöver lösenordet loggar du i fortsättningen in med en kod från en autentiseringsapp (till exempel Google Authenticator, Microsoft Authenticator eller FreeOTP), så att ingen kommer åt ditt konto med bara lösenordet. Skanna den här koden med appen:
second-factor-qr-label = QR-kod att skanna med autentiseringsappen
second-factor-secret-text = Eller skriv den här nyckeln i appen:
second-factor-open-app = Öppna i autentiseringsappen på den här enheten
second-factor-code-label = Kod
second-factor-code-hint = Sex siffror eller en reservkod
second-factor-button = Fortsätt
second-factor-error = Koden stämmer inte eller har redan använts. Skriv koden som appen visar nu.
recovery-title = Spara dina reservkoder
recovery-text = Om du tappar bort telefonen loggar var och en av koderna in dig en gång i stället för appen. Spara dem nu på ett säkert ställe: de visas bara den här gången.
recovery-continue = Jag har sparat dem: gå till mitt konto
report-link = Anmäl ett fel i uppgifterna
report-title = Anmäl ett fel
report-intro = Berätta vad som är fel eller föråldrat. Organisationen och nätverkets koordinatorer ser ditt meddelande. Du behöver inget konto.
report-message-label = Vad är fel?
report-message-hint = Till exempel: öppettiderna har ändrats, telefonnumret svarar inte.
report-contact_email-label = Din e-postadress (om du vill ha svar)
report-contact_email-hint = Frivillig. Används bara för att svara dig och raderas när anmälan har behandlats.
report-button = Skicka
report-sent = Tack! Din anmälan skickades till organisationen och koordinatorerna.
report-error-message = Berätta med minst 10 tecken vad som är fel.
reports-title = Anmälda fel
reports-open = Anmälda fel
reports-empty = Inga öppna anmälningar.
reports-record = Uppgiften
reports-contact = Svara till
reports-resolve-button = Behandlad
reports-resolved = Markerad som behandlad.
members-title = Medlemmar
members-invite-title = Bjud in en medlem
members-invite-text = Vi skickar en länk till personen. Hen loggar in (eller registrerar sig) med adressen och godkänner; sedan kan hen redigera era tjänster och lediga platser.
members-email-label = E-postadress
members-invite-button = Skicka inbjudan
members-invited = Inbjudan skickades. Länken fungerar i en vecka.
members-error-already = Den här adressen har redan ett konto i den här organisationen: ingen inbjudan behövs.
members-error-unverified = Inbjudningar kan skickas när Kolmonens koordinator har verifierat organisationen.
members-remove-button = Ta bort
members-removed = Medlemmen togs bort och loggades ut.
invite-title = Gå med i { $organization }
invite-text = Du har bjudits in som medlem i { $organization } med adressen { $email }.
invite-sign-in-first = Du har bjudits in som medlem i { $organization }. Logga in med { $email } (eller registrera dig med den först) och öppna sedan länken igen.
invite-button = Gå med som medlem
invite-expired = Inbjudan har redan använts eller gått ut. Be organisationens administratör om en ny.
invite-refused-title = Inbjudan kan inte godkännas
invite-other-address = Inbjudan skickades till en annan e-postadress. Logga in med adressen den skickades till.
mail-invite-subject = Inbjudan till { $organization } på Kolmonen
mail-invite-body = Hej,

    du har bjudits in som medlem i { $organization } på Kolmonen, där organisationer håller sina tjänster och lediga platser aktuella. Godkänn här:

    { $link }

    Länken fungerar i en vecka. Om du inte känner organisationen kan du strunta i meddelandet.

    Kolmonen
mail-freshness-subject = Kontrollera era uppgifter på Kolmonen
mail-freshness-body = Hej,

    { $count ->
        [one] en uppgift
       *[other] { $count } uppgifter
    } om { $organization } på Kolmonen har inte bekräftats på ett halvår. Kontrollera att allt fortfarande stämmer och tryck på "Aktuell" (eller redigera):

    { $link }

    Uppgifter som inte bekräftats på ett år markeras som föråldrade i sökningen.

    Kolmonen
mail-stale-subject = Era uppgifter på Kolmonen är markerade som föråldrade
mail-stale-body = Hej,

    { $count ->
        [one] en uppgift
       *[other] { $count } uppgifter
    } om { $organization } på Kolmonen har inte bekräftats på ett år och visas nu som föråldrade i sökningen. Att bekräfta är ett klick:

    { $link }

    Kolmonen
desk-new-location = Lägg till ett verksamhetsställe
desk-edit-location = Redigera verksamhetsstället
desk-places = Verksamhetsställen
desk-no-places = Inga verksamhetsställen ännu. Lägg till adressen dit folk kommer, så kan sökningen berätta hur långt det är.
edit-place-name-label = Ställets namn (om det har ett)
edit-street-label = Gatuadress
edit-postal_code-label = Postnummer
edit-postal_code-hint = Fem siffror. Kommunen fås av det.
edit-accessibility-label = Tillgänglighet
edit-accessibility-hint = Till exempel: trappfri ingång, hiss, tillgänglig toalett.
place-error-street = Ange gatuadressen.
place-error-postal-code = Ange ett finskt postnummer med fem siffror, till exempel 15140.
field-street = Gatuadress
field-postal-code = Postnummer
account-email-title = Byt e-postadress
account-new_email-label = Ny e-postadress
account-new_email-hint = Vi skickar en länk till den nya adressen; bytet sker när du öppnar den.
account-email_password-label = Ditt lösenord, som bekräftelse
account-email-button = Byt adressen
account-email-sent = Titta i den nya adressens e-post: vi skickade en länk dit. Bytet sker när du öppnar länken; tills dess gäller din gamla adress.
login-email-changed = Din e-postadress har bytts och du loggades ut överallt. Logga in med den nya adressen.
confirm-email-title = Bekräfta din nya e-postadress
confirm-email-text = Flytta ditt konto till den här adressen med knappen. Du loggas ut överallt och loggar in med den nya adressen.
mail-new-email-subject = Bekräfta din nya e-postadress för Kolmonen
mail-new-email-body = Hej,

    någon (troligen du) bad att få flytta ett Kolmonen-konto till den här adressen. Öppna länken för att bekräfta:

    { $link }

    Länken fungerar i 48 timmar. Om det inte var du kan du strunta i meddelandet.

    Kolmonen
mail-email-changing-subject = Adressen till ditt Kolmonen-konto håller på att bytas
mail-email-changing-body = Hej,

    någon som är inloggad på ditt Kolmonen-konto bad att få flytta det till en annan e-postadress. Bytet sker först när länken som skickades till den nya adressen öppnas.

    Om det inte var du, logga in och byt lösenord genast: { $link }

    Kolmonen
home-join-how = Registrera dig med din e-postadress och registrera sedan din organisation med ett formulär. En koordinator verifierar den.
account-second-factor-title = Tvåstegsverifiering
account-second-factor-on = Du loggar in med en kod från en autentiseringsapp utöver lösenordet.
account-second-factor-text = Utöver lösenordet frågas en kod från autentiseringsappen i din telefon. Du tar appen i bruk på nästa sida och är utloggad en stund innan dess. Ingen kommer åt ditt konto med bara lösenordet.
account-second_factor_password-label = Ditt lösenord, som bekräftelse
account-second-factor-button = Slå på
account-sessions-title = Var du är inloggad
account-session-started = Inloggad
account-session-used = senast använd
account-session-this = den här webbläsaren
account-sessions_password-label = Ditt lösenord, som bekräftelse
account-sessions-button = Logga ut överallt annars
account-sessions-ended = Du loggades ut överallt annars.

## People: own profile, matches, audit (issue 6)
language-ku = kurdiska
language-sq = albanska
language-vi = vietnamesiska
language-th = thailändska
language-zh = kinesiska
language-es = spanska
language-fr = franska
language-de = tyska
language-tr = turkiska
language-pl = polska
language-se = samiska
nav-me = Min profil
nav-matches = Platser som passar dig
nav-messages = Meddelanden
nav-saved-searches = Sparade sökningar
person-title = Min profil
person-intro = Berätta om dina färdigheter och önskemål. Du bestämmer själv vem som ser profilen. Din e-postadress visas aldrig: organisationerna kontaktar dig med meddelanden i Kolmonen.
person-not-saved = Din profil är inte sparad ännu.
person-back = Tillbaka till min profil
person-anonymous = Anonym arbetssökande
person-visibility-label = Vem ser din profil
visibility-private = Bara jag
visibility-private-hint = Profilen syns inte i sökningar eller för någon annan. När du anmäler intresse för en plats får den organisationen din profil.
visibility-organizations = Verifierade organisationer
visibility-organizations-hint = Inloggade anställda vid verifierade organisationer hittar din profil i talangsökningen.
visibility-public = Alla
visibility-public-hint = Vem som helst kan se din profil. Dina kontaktuppgifter visas aldrig.
person-display_name-label = Namn eller signatur (frivilligt)
person-display_name-hint = Till exempel ditt förnamn. Du kan lämna fältet tomt.
person-introduction-label = Kort presentation
person-introduction-hint = Vad du kan, vad som intresserar dig, vilket slags arbete du söker. Högst 2 000 tecken.
person-municipality-label = Hemkommun
person-municipality-none = Inte vald
person-travel_km-label = Hur långt kan du resa (km)
person-travel_km-hint = Platser längre bort föreslås inte. Lämna tomt om du inte vill begränsa.
person-skills-title = Färdigheter
person-skills-hint = Välj färdigheter i grupperna. Öppna en grupp genom att klicka på dess namn.
person-skills-label = Färdigheter
person-free_skills-label = Andra färdigheter med egna ord
person-free_skills-hint = Skilj med kommatecken, till exempel: hovslageri, körsång. Högst 10.
person-wishes-title = Önskemål
person-interests-label = Vad intresserar dig
person-kinds-label = Vilket slags plats söker du
person-languages-label = Språk du talar
person-availability-title = Tillgänglighet
person-hours_per_week-label = Högst timmar per vecka
person-hours_per_week-hint = Ett heltal 1–60. Lämna tomt om du inte vill begränsa.
person-available_from-label = Jag kan börja från
person-available_from-hint = Till exempel 7.1.2027 (dag.månad.år).
person-age_band-label = Åldersgrupp (frivilligt)
person-age_band-hint = Vi sparar bara åldersgruppen, inte födelsedatum.
person-age-band-none = Vill inte uppge
age-band-under-25 = under 25 år
age-band-25-29 = 25–29 år
age-band-30-39 = 30–39 år
age-band-40-49 = 40–49 år
age-band-50-57 = 50–57 år
age-band-58-plus = 58 år eller äldre
person-part_time-label = Jag söker deltid
person-pool_58-label = Med i 58+-poolen (erfarna som fyllt 58 år)
person-expert_by_experience-label = Jag kan ställa upp som erfarenhetsexpert
person-export-title = Ladda ner dina uppgifter
person-export-text = Allt du har skrivit och allt som sparats om dig, som en JSON-fil.
person-export-button = Ladda ner mina uppgifter (JSON)
person-delete-title = Radera dina uppgifter för gott
person-delete-text = Konto, profil, sparade sökningar, visningsuppgifter samt dina klientuppgifter, samtycken och remisser raderas genast och kan inte återställas. I meddelanden som organisationerna har kvar står ”raderad användare”. Bara loggen över behandlingen av dina uppgifter finns kvar, eftersom behandlingen måste kunna visas i efterhand: där står en beteckning i stället för dig, som inte kan kopplas till dig.
person-delete-button = Radera alla mina uppgifter
person-delete_password-label = Lösenord
person-error-too-many-skills = Välj högst 40 färdigheter.
person-error-free-skills = Skriv högst 10 färdigheter, var och en högst 60 tecken.
person-error-travel = Ange avståndet i kilometer som ett heltal 0–300 eller lämna tomt.
person-error-pool-58 = Du kan gå med i 58+-poolen när åldersgruppen är 58 år eller äldre.
person-error-message = Skriv ett meddelande (högst 4 000 tecken).
matches-title = Platser som passar dig
matches-no-profile = Du har inte fyllt i din profil ännu, så det finns inga förslag.
matches-fill-profile = Fyll i profilen
matches-edit-profile = Ändra dina önskemål
matches-count = { $count ->
    [one] 1 öppen plats passar dig.
   *[other] { $count } öppna platser passar dig.
}
matches-none = Inga öppna platser passade just nu. Lägg till intressen eller färdigheter, eller öka avståndet.
matches-why = Därför passar den:
matches-hide = Dölj förslaget
matches-hidden-count = { $count ->
    [one] Du har dolt 1 förslag.
   *[other] Du har dolt { $count } förslag.
}
matches-unhide = Visa dolda igen
matches-hidden-done = Förslaget är dolt.
matches-shown-done = Dolda förslag visas igen.
match-reason-interest = Motsvarar ditt intresse: { $topics }
match-reason-skill = Använder din färdighet: { $skill }
match-reason-kind = { $kind }, som du önskade
match-reason-same-place = I din hemkommun
match-reason-distance = Cirka { $km } km från din hemkommuns centrum
match-reason-part-time-hours = Deltid, { $hours } h/vecka
match-reason-hours = { $hours } h/vecka
match-reason-too-many-hours = Obs: { $hours } h/vecka, mer än de { $yours } h du angett
match-reason-part-time = Deltid
match-reason-starts-now = Kan börja genast
match-reason-starts-this-month = Börjar denna månad
match-reason-starts-next-month = Börjar nästa månad
match-reason-starts-on = Börjar { $date }
match-reason-group-seniors-58 = Avsedd för personer som fyllt 58 år
match-reason-group-young-people = Avsedd för unga
fit-reason-interest = Intresserad av: { $topics }
fit-reason-skill = Kan: { $skill }
fit-reason-kind = Söker: { $kind }
fit-reason-same-place = Bor i samma kommun
fit-reason-distance = Hemkommunens centrum cirka { $km } km bort
fit-reason-part-time-hours = Kan arbeta { $hours } h/vecka, söker deltid
fit-reason-hours = Kan arbeta { $hours } h/vecka
fit-reason-too-many-hours = Obs: kan arbeta { $yours } h/vecka, platsen har { $hours } h
fit-reason-part-time = Söker deltid
fit-reason-starts-now = Kan börja genast
fit-reason-starts-this-month = Kan börja denna månad
fit-reason-starts-next-month = Kan börja nästa månad
fit-reason-starts-on = Kan börja { $date }
fit-reason-group-seniors-58 = Har fyllt 58 år
fit-reason-group-young-people = Ung
audit-title = Vem har tittat på mina uppgifter
audit-intro = Varje gång en anställd vid en organisation ser din profil i talangsökningen, öppnar den eller en meddelandetråd, eller läser din remiss, dina samtycken eller din stig, antecknas det här.
audit-none = Ingen organisation har tittat på din profil ännu.
audit-when = När
audit-who = Organisation
audit-what = Var
audit-unknown-organization = Raderad organisation
audit-context-talent = I talangsökningens resultat
audit-context-profile = Öppnade din profil
audit-context-thread = I en meddelandetråd
audit-context-fit = I listan över personer som passar en plats
audit-context-portfolio = Öppnade en fil i din portfolio
interest-title = Intresserar den här platsen dig?
interest-already = Du har redan anmält intresse.
interest-open-thread = Öppna meddelandetråden
interest-sign-in = Logga in eller skapa ett konto för att anmäla intresse.
interest-signup = Skapa konto
interest-text = Organisationen får din profil sådan som du har sparat den, och ni kan fortsätta med meddelanden i Kolmonen. Din e-postadress visas inte.
interest-message-label = Meddelande till organisationen (frivilligt)
interest-message-hint = Till exempel när du kunde börja. Högst 4 000 tecken.
interest-no-profile = Du har inte sparat någon profil än, så organisationen ser bara ditt meddelande. Berätta om dig själv i meddelandet eller spara först en profil.
interest-make-profile = Skapa en profil
interest-button = Jag är intresserad
interest-closed-title = Ansökan är inte öppen
interest-closed-text = Det går inte att anmäla intresse för den här platsen nu: ansökningstiden har gått ut eller platserna är fyllda. Se andra lediga platser.
interest-staff-title = Intresse anmäls från en arbetssökandes konto
interest-staff-text = Du är inloggad med en organisations konto. Anställda vid organisationer kan inte anmäla intresse för platser; den arbetssökande anmäler det med sitt eget konto.
thread-mail-body = Du har något nytt i Kolmonen. Läs det här (logga in först):
    { $link }
thread-mail-interest = Kolmonen: en ny intresserad för er plats
thread-mail-message = Kolmonen: nytt meddelande
thread-mail-status = Kolmonen: läget för ditt intresse har ändrats
thread-sent = Skickat.
interest-sent-next = Ditt intresse har skickats. Det läses av organisationens anställda som sköter ansökningarna till platsen; svaret kommer oftast inom några vardagar. Svaren syns i den här diskussionen och på sidan Meddelanden, och du får ett meddelande om dem per e-post.
thread-status-saved = Läget sparat. Personen ser det.
thread-deleted-user = Raderad användare
thread-you = Du
thread-status-new = Ny
thread-status-contacted = Kontaktad
thread-status-agreed = Överenskommet
thread-status-not_this_time = Inte den här gången
thread-title-person = Meddelanden: { $organization }
thread-title-organization = Meddelanden: { $person }
thread-about = Plats
thread-no-opportunity = Ingen särskild plats
thread-organization = Organisation
thread-status = Läge
thread-person-deleted = Personen har raderat sina uppgifter. Meddelandena finns kvar men kan inte längre besvaras.
thread-shared-person = Det du delade med organisationen
thread-shared-organization = Profilen personen delade
thread-no-profile = Personen hade ingen sparad profil.
thread-messages = Meddelanden
thread-no-messages = Inga meddelanden ännu.
thread-reply-label = Skriv ett meddelande
thread-reply-hint = Meddelandet stannar i Kolmonen. Den andra parten får bara ett meddelande om det per e-post.
thread-send = Skicka
thread-status-title = Läget för intresset
thread-status-legend = Markera läget (personen ser det)
thread-status-button = Spara läget
thread-error-deleted = Personen har raderat sina uppgifter, så meddelandet kan inte skickas.
threads-title-person = Meddelanden
threads-intro-person = Platser som du är intresserad av, och organisationernas meddelanden till dig.
threads-title-organization = Intresserade: { $organization }
threads-intro-organization = Personer som är intresserade av era platser, och meddelanden ni har skickat via talangsökningen.
threads-none = Inga meddelandetrådar ännu.
threads-with = Med vem
threads-latest = Senast
person-pool-58-badge = 58+-poolen
person-expert-badge = Erfarenhetsexpert
nav-talent = Talangsökning
talent-title = Talangsökning
talent-intro = Arbetssökande som har låtit verifierade organisationer se sin profil. Varje visning av en profil antecknas, och personen ser vilken organisation som har tittat. Kontakt tas med meddelanden i Kolmonen.
talent-for-opportunity = De som passar bäst först för platsen:
talent-refused-title = Talangsökningen är för anställda vid verifierade organisationer
talent-refused-text = Talangsökningen kan användas av medlemmar och administratörer vid verifierade organisationer. Om din organisation är registrerad men inte verifierad ännu, verifierar nätverkets koordinator den.
talent-q-label = Sökord
talent-q-hint = Till exempel en färdighet eller ett ord ur presentationen: matlagning, cykel.
talent-skill-label = Färdighet
talent-interest-label = Intresse
talent-municipality-label = Hemkommun
talent-near-label = Nära platsen
talent-near-hint = Postnummer eller ort.
talent-radius_km-label = Högst avstånd (km)
talent-min_hours-label = Minst timmar per vecka
talent-any = Alla
talent-available_now-label = Kan börja nu
talent-pool_58-label = 58+-poolen
talent-expert-label = Erfarenhetsexperter
talent-search = Sök
talent-why = Därför passar personen:
talent-count = { $count ->
    [0] Inga träffar.
    [one] 1 person
   *[other] { $count } personer
}
person-page-note = Kontaktuppgifter visas aldrig. Organisationer kan skicka ett meddelande i Kolmonen.
person-contact-title = Skicka ett meddelande
person-contact-text = Meddelandet stannar i Kolmonen, och personen får ett meddelande om det per e-post. Du ser inte personens e-postadress och personen ser inte din.
person-contact-place = Vilken plats meddelandet gäller
nav-interests = Intresserade och meddelanden
desk-fit = Personer som passar platsen
person-demo-label = Exempel
person-demo-value = Påhittad exempelprofil (demo), ingen verklig person
alerts-title = Sparade sökningar
alerts-intro = En gång om dagen får du per e-post nya öppna platser som motsvarar en sparad sökning. I varje meddelande finns en länk som stoppar meddelandena utan inloggning.
alerts-none = Du har inga sparade sökningar. Gör en sökning och välj ”Spara sökningen”.
alerts-go-search = Gå till sökningen
alerts-delete = Radera
alerts-saved = Sökningen är sparad. Du får ett meddelande när nya platser kommer.
alerts-deleted = Sökningen är raderad.
alerts-save-button = Spara sökningen och få nya platser per e-post
alerts-everything = Alla öppna platser
alerts-error-query = Sökningen kunde inte sparas. Gör sökningen igen och försök sedan.
alerts-error-too-many = Du kan spara högst 20 sökningar. Radera först någon gammal.
alerts-unsubscribe-title = Stoppa sökmeddelanden
alerts-unsubscribe-text = Meddelandena för den här sökningen upphör när du trycker på knappen. Ingen inloggning behövs.
alerts-unsubscribe-button = Stoppa meddelandena
alerts-unsubscribed = Meddelandena har stoppats. Du får inte längre e-post om den här sökningen.
alerts-mail-subject = { $count ->
    [one] Kolmonen: 1 ny plats för din sökning
   *[other] Kolmonen: { $count } nya platser för din sökning
}
alerts-mail-body = Nya öppna platser har kommit till din sparade sökning:

    { $list }

    Hela sökningen: { $link }

    Stoppa meddelandena för den här sökningen: { $unsubscribe }
portfolio-title = Egna arbeten
portfolio-intro = Du kan lägga till högst 6 bilder eller PDF-filer av dina egna arbeten. De syns för dem som ser din profil och för organisationer som du har anmält intresse till.
portfolio-caption-label = Bildtext
portfolio-caption-hint = Vad bilden eller filen visar, till exempel ”En trasmatta jag vävt”. Högst 200 tecken.
portfolio-file-label = Fil
portfolio-file-hint = En PNG- eller JPEG-bild eller en PDF, högst 900 kB.
portfolio-upload = Lägg till
portfolio-pdf = PDF
portfolio-error-full = Du har redan 6 arbeten. Radera något innan du lägger till ett nytt.
portfolio-error-file = Välj en fil.
portfolio-error-size = Filen är för stor. Högst 900 kB.
portfolio-error-type = Bara PNG- och JPEG-bilder och PDF-filer går.
portfolio-error-caption = Skriv en bildtext (högst 200 tecken).
person-as-others-see = Se din profil så som andra ser den
fact-skills = Färdigheter
fact-interests = Intressen
fact-kinds = Söker
fact-languages = Språk
fact-municipality = Hemkommun
fact-travel = Kan resa (km)
fact-hours = Högst timmar per vecka
fact-part-time = Söker deltid
fact-available = Kan börja

## A result list to take along (issue 16)
share-title = Ta med listan
share-link-label = Länk till den här listan
share-copy = Kopiera länken
share-copied = Länken har kopierats.
share-csv = Ladda ner hela listan som CSV-fil (högst 1 000 rader)
csv-kind = Typ
csv-name = Namn
csv-organization = Arrangör
csv-place = Kommun
csv-link = Länk
csv-checked = Kontrollerad

## Privacy notice (GDPR art. 13) and accessibility statement (Act 306/2019)
legal-controller-unset = tjänstens administratör (som ännu inte har lagt till sitt namn och sina kontaktuppgifter här)
signup-privacy = I dataskyddsbeskrivningen berättar vi vilka uppgifter om dig som sparas, varför och hur länge, och vilka dina rättigheter är:
privacy-title = Dataskyddsbeskrivning
privacy-controller-h = Personuppgiftsansvarig och kontaktuppgifter
privacy-controller-text = Personuppgiftsansvarig: { $controller }.
    Frågor och begäranden om dataskydd kan du skicka till den personuppgiftsansvariga. Tjänstens adress är { $link }.
privacy-what-h = Vilka uppgifter sparas
privacy-what-text = Konto: e-postadress, en hash av lösenordet (inte själva lösenordet), tidpunkter för inloggningar, för organisationernas anställda krypterade hemligheter och reservkoder för tvåstegsverifiering.
    Arbetssökandes profil, om du fyller i den: visningsnamn, presentation, färdigheter, intressen, språk, hemkommun, önskemål om resväg, arbetstid och start, åldersgrupp, 58+-poolen, synlighet, portföljens bilder och sparade sökningar.
    Meddelanden: anmälningar av intresse och meddelanden med organisationer samt en kopia av profilen som du delade när du anmälde intresse.
    En logg över vilken organisation som har sett din profil och när. Organisationernas uppgifter är offentliga och inte personuppgifter, med undantag för namnet på kontaktpersonen vid registreringen.
privacy-why-h = Varför uppgifterna behandlas
privacy-why-text = Kontot och meddelandena behövs för att du ska kunna använda tjänsten (avtal, artikel 6.1 b i dataskyddsförordningen).
    Din profil syns för organisationer eller för alla endast om du själv väljer det (samtycke, artikel 6.1 a). Du kan återkalla samtycket genom att göra profilen privat eller ta bort den.
    Loggen över visningar och inloggningsuppgifterna sparas för att användningen av dina uppgifter ska kunna kontrolleras och kontona skyddas (berättigat intresse, artikel 6.1 f).
privacy-who-h = Vem ser uppgifterna
privacy-who-text = Din profil ser endast de som du har valt: inloggade anställda vid verifierade organisationer, eller alla. Din e-postadress visas inte för någon; organisationerna kontaktar dig med ett meddelande via tjänsten.
    Ett meddelande ser du och de anställda vid den organisation du skriver med. Uppgifterna säljs inte, lämnas inte ut till andra och överförs inte utanför EU och EES.
privacy-how-long-h = Hur länge uppgifterna sparas
privacy-how-long-text = Kontots och profilens uppgifter sparas tills du tar bort ditt konto; borttagningen är genast slutgiltig. Då tas också dina meddelanden och kopiorna av din delade profil bort. Organisationen behåller sina egna meddelanden och uppgiften om att samtalet har funnits.
    En inloggningssession upphör senast efter 12 timmar och efter 30 minuter utan användning. Kopior av skickade e-postmeddelanden tas bort efter en vecka.
privacy-rights-h = Dina rättigheter
privacy-rights-text = Du kan se och rätta dina uppgifter på din egen sida, ladda ner alla dina uppgifter som en fil (rätt till tillgång och dataportabilitet) och ta bort ditt konto (rätt till radering). På din egen sida ser du vilka organisationer som har sett din profil.
    Du kan när som helst återkalla ditt samtycke. Du kan också invända mot behandlingen eller begära begränsning genom att kontakta den personuppgiftsansvariga.
privacy-security-h = Datasäkerhet
privacy-security-text = Förbindelsen till tjänsten är krypterad. Lösenord sparas endast som hashar, organisationernas anställda har tvåstegsverifiering och varje visning av personuppgifter loggas.
privacy-complaint-h = Rätt att klaga
privacy-complaint-text = Om du anser att behandlingen av dina uppgifter bryter mot dataskyddslagstiftningen kan du lämna in ett klagomål till dataombudsmannens byrå (tietosuoja.fi/sv).
accessibility-title = Tillgänglighetsutlåtande
accessibility-scope-h = Utlåtandet gäller Kolmonen
accessibility-scope-text = Detta utlåtande gäller Kolmonens sidor på adressen { $link }. Administratör: { $controller }. Vårt mål är att uppfylla kraven på nivå AA i WCAG 2.1, som lagen om tillhandahållande av digitala tjänster (306/2019) förutsätter.
accessibility-checked-h = Hur tillgängligheten har kontrollerats
accessibility-checked-text = Varje ändring kontrolleras automatiskt med verktyget axe-core i en riktig webbläsare: alla sidtyper på finska, svenska och engelska samt formulären även med fel (WCAG 2.1 A och AA). Dessutom kontrolleras att ingen sida har två likadana id.
    Sidorna fungerar utan JavaScript, med tangentbord och på en smal mobilskärm, och de har prövats på en skärm som är 390 pixlar bred.
accessibility-known-h = Kända brister
accessibility-known-text = Texter som organisationerna själva skrivit kan vara svårbegripliga eller endast på finska; då säger sidan att texten är på finska. Den automatiska kontrollen hittar inte alla problem, och tjänsten har ännu inte bedömts av en utomstående expert.
accessibility-feedback-h = Ge respons om tillgängligheten
accessibility-feedback-text = Om du märker en brist eller inte får någon information i tillgänglig form, berätta det för administratören: { $controller }. Vi svarar inom 14 dagar. På organisationernas, tjänsternas och platsernas sidor finns också en länk för att anmäla fel.
accessibility-enforcement-h = Tillsynsmyndighet
accessibility-enforcement-text = Om du inte är nöjd med svaret kan du kontakta den myndighet som övervakar att tillgänglighetskraven följs (Tillstånds- och tillsynsverket; före 2026 Regionförvaltningsverket i Södra Finland). Anvisningar: tillganglighetskrav.fi.

## Warm hand-over (issue 18): referrals, clients, consents, the path
referrals-title = Remisser
referrals-back = Tillbaka till remisserna
referrals-intro-coach = Remisser som er organisation har skickat och tagit emot. En remiss går med klientens samtycke: sammanfattningen är krypterad och varje läsning av den loggas.
referrals-intro-self = Dina remisser till tjänster och platser. Du ser varje skede och kan återkalla dina samtycken på sidan Mina samtycken.
referrals-none = Inga remisser ännu.
referral-title = Remiss
referral-new-title = Ny remiss
referral-new-intro-coach = Remissen tar klientens sammanfattning till mottagaren, så att hen inte behöver berätta sin historia på nytt. Gå igenom sammanfattningen tillsammans och markera samtyckena först när klienten har läst texterna.
referral-new-intro-self = Remissen tar din sammanfattning till mottagaren, så att du inte behöver berätta din historia på nytt. Skriv bara det du vill att de ska veta.
referral-to = Till
referral-to-organization = Mottagare
referral-from = Avsändare
referral-from-self = Personen själv
referral-client = Klient
referral-client-label = Klient
referral-client-hint = Klientens namn eller initialer så som er organisation har antecknat dem.
referral-client-choose = Välj klient
referral-add-client = Lägg till en ny klient
referral-summary-title = Sammanfattning
referral-summary-intro = Personen har sett och godkänt sammanfattningen. Skriv kort och med vardagliga ord; minst en punkt.
referral-wants-label = Vad personen vill
referral-wants-hint = Till exempel: vill pröva på snickeri, på deltid.
referral-tried-label = Vad som redan prövats
referral-tried-hint = Tidigare tjänster och platser, så att man inte börjar om från början.
referral-helps-label = Vad som hjälper
referral-helps-hint = Till exempel: tydliga skriftliga instruktioner, en lugn lokal.
referral-health-title = Hälsa och arbetsförmåga (frivilligt)
referral-health-label = Anteckningar om hälsa eller arbetsförmåga
referral-health-hint = Bara om personen vill att de följer med. Kräver ett eget samtycke.
referral-consents-legend = Samtycken
referral-consents-hint-coach = Klienten ger samtyckena till dig personligen; du antecknas som den som tog emot dem. Remissen och sammanfattningen kräver samtycke.
referral-consents-hint-self = Remissen och sammanfattningen kräver ditt samtycke. Du kan återkalla vilket samtycke som helst senare.
referral-consent-coach-referral = Klienten samtycker till hänvisningen (uppläst för eller läst av hen)
referral-consent-coach-share_summary = Klienten samtycker till att sammanfattningen skickas
referral-consent-coach-share_health = Klienten samtycker till att hälsouppgifterna skickas
referral-consent-coach-follow_up = Klienten samtycker till uppföljningsfrågor
referral-consent-coach-statistics = Klienten samtycker till statistik
referral-consent-self-referral = Jag samtycker till hänvisningen
referral-consent-self-share_summary = Jag samtycker till att sammanfattningen skickas
referral-consent-self-share_health = Jag samtycker till att hälsouppgifterna skickas
referral-consent-self-follow_up = Jag samtycker till uppföljningsfrågor
referral-consent-self-statistics = Jag samtycker till statistik
referral-send = Skicka remissen
referral-self-name = Själv
referral-sent = Remissen har skickats. Mottagaren får ett meddelande om den utan dess innehåll.
referral-already-open = Personen har redan en öppen remiss till samma tjänst eller plats, så ingen ny gjordes. Här är den.
referral-moved = Remissens läge har sparats och de andra parterna har underrättats.
referral-not-moved = Läget ändrades inte: någon annan hann ändra det, eller ändringen hör inte till dig. Så här ser det ut nu.
referral-off-title = Remisser används inte
referral-off-text = Tjänstens administratör har inte angett den krypteringsnyckel som remissernas sammanfattningar krypteras med. Utan den kan remisser varken skickas eller läsas.
referral-no-target-title = Vart går remissen?
referral-no-target-text = En remiss görs från sidan för en tjänst eller en ledig plats. Sök tjänsten eller platsen och välj där "Gör en remiss hit".
referral-error-client = Välj den klient remissen gäller.
referral-error-consent = Remissen och sammanfattningen kräver båda samtycke.
referral-error-health-consent = Hälsouppgifter kan bara skickas med ett eget samtycke: markera det eller lämna fältet tomt.
referral-error-too-long = Texten är för lång (högst 4000 tecken).
referral-error-empty = Skriv minst en punkt i sammanfattningen.
referral-error-reason = Välj en orsak.
referral-error-outcome = Välj ett resultat.
referral-state = Läge
referral-you-are = Du är
referral-party-sender = avsändare
referral-party-receiver = mottagare
referral-party-person = personen själv
referral-steps = Skeden
referral-moves = Nästa skede
referral-choose = Välj
referral-reason-label = Orsak
referral-outcome-label = Resultat
referral-direction = Riktning
referral-incoming = Mottagen
referral-outgoing = Skickad
referral-changed = Ändrad
referral-target-gone = (borttagen tjänst eller plats)
referral-summary-closed = Sammanfattningen kan inte läsas: samtycket har återkallats eller gått ut.
referral-health-closed = Hälsouppgifterna kan inte längre läsas: samtycket har återkallats.
referral-state-sent = Skickad
referral-state-accepted = Godkänd
referral-state-declined = Inte mottagen
referral-state-started = Påbörjad
referral-state-completed = Avslutad
referral-state-cancelled = Återkallad
referral-do-accept = Godkänn remissen
referral-do-decline = Tas inte emot
referral-do-start = Markera som påbörjad
referral-do-complete = Markera som avslutad
referral-do-cancel = Återkalla remissen
referral-reason-no_capacity = Ingen plats just nu
referral-reason-not_suitable = Tjänsten passar inte personen
referral-reason-person_declined = Personen ville inte
referral-reason-no_contact = Personen nåddes inte
referral-reason-other = Annan orsak
outcome-work_open_market = Arbete på den öppna arbetsmarknaden
outcome-work_subsidised = Stött arbete (t.ex. lönesubvention)
outcome-education = Utbildning
outcome-other_service = En annan tjänst
outcome-paused = Paus
outcome-moved_away = Flyttade bort
outcome-unknown = Okänt
referral-mail-subject-sent = Kolmonen: ny remiss
referral-mail-subject-accepted = Kolmonen: remissen godkändes
referral-mail-subject-declined = Kolmonen: remissen togs inte emot
referral-mail-subject-started = Kolmonen: tjänsten i remissen har börjat
referral-mail-subject-completed = Kolmonen: tjänsten i remissen har avslutats
referral-mail-subject-cancelled = Kolmonen: remissen återkallades
referral-mail-body = Remissens läge har ändrats. Du ser den här (logga in först):
    { $link }
clients-title = Klienter
clients-intro = Er organisations klienter som ni gör remisser för. Anteckna bara det som behövs: namn eller initialer räcker.
clients-none = Inga klienter ännu.
client-add-title = Lägg till en klient
client-add-intro = Personen kan senare ta över uppgifterna med en inlösningskod som du gör på klientens sida. Då ser hen sin egen stig och sina samtycken.
client-display_name-label = Namn eller initialer
client-display_name-hint = Till exempel "M. K." – skriv inte personbeteckningen.
client-birth_year-label = Födelseår (frivilligt)
client-birth_year-hint = Fyra siffror, till exempel 1988.
client-municipality-label = Hemkommun (frivilligt)
client-municipality-none = Inte uppgiven
client-claim-label = Gör en inlösningskod
client-claim-hint = Koden visas en gång. Ge den till personen på papper eller skicka den; den gäller i 30 dagar. En ny kod ersätter den gamla.
client-add-button = Lägg till klient
client-added = Tillagd
client-added-notice = Klienten har lagts till.
client-account = Eget konto
client-claimed = Personen har tagit över uppgifterna
client-not-claimed = Inget eget konto ännu
client-new-code = Gör en inlösningskod
client-code-notice = En ny inlösningskod har gjorts. Den gamla koden fungerar inte längre.
client-code-give = Ge den här koden till personen. Den visas bara nu.
client-code-where = Hen skriver in den efter att ha loggat in på adressen
client-refer-title = Gör en remiss
client-refer-continue = Fortsätt till remissen
client-refer-how = En remiss görs från sidan för en tjänst eller en ledig plats:
client-refer-search = sök en tjänst eller plats
client-consents-intro = Om personen återkallar sitt samtycke till dig, anteckna det här. Därefter kan uppgifterna under det varken läsas eller skickas.
client-error-name = Skriv namn eller initialer.
client-error-name-long = Namnet är för långt eller har radbrytningar (högst 60 tecken).
client-error-birth-year = Skriv födelseåret med fyra siffror (personen ska vara 14–100 år), eller lämna tomt.
client-error-municipality = Välj en kommun i listan.
consents-title = Mina samtycken
consents-intro = Här är varje samtycke du har gett och texten du såg. När du återkallar ett samtycke kan uppgifterna under det från och med då varken läsas eller skickas.
consents-none = Inga samtycken.
consent-purpose-referral = Hänvisning till en tjänst
consent-purpose-share_summary = Att skicka sammanfattningen
consent-purpose-share_health = Att skicka hälsouppgifter
consent-purpose-follow_up = Uppföljningsfrågor
consent-purpose-statistics = Statistik
consent-method-signed_in = givet själv, inloggad
consent-method-in_person = antecknat personligen av en handledare
consent-state = Läge
consent-in-force = Gäller
consent-expired = Har gått ut
consent-withdrawn = Återkallat
consent-recipient = Till vem
consent-recipient-any = Vilken organisation som helst som jag hänvisar mig själv till
consent-given = Givet
consent-expires = Gäller till
consent-text-shown = Texten som visades
consent-withdraw = Återkalla samtycket
consent-withdrawn-notice = Samtycket har återkallats. Uppgifterna under det kan inte längre läsas eller skickas.
path-title = Min stig
path-intro = Alla dina skeden på en tidslinje: remisser, påbörjade och avslutade tjänster och platser samt resultat. Du kan skriva ut sidan.
path-none = Stigen har inga skeden ännu.
follow-up-after-months = { $count ->
    [one] Uppföljning efter { $count } månad
   *[other] Uppföljning efter { $count } månader
}
claim-title = Ta över dina uppgifter
claim-intro = Om din handledare gav dig en inlösningskod, skriv den här. Därefter ser du din egen stig och dina samtycken och kan återkalla dem.
claim-code-label = Inlösningskod
claim-code-hint = Tre grupper med fyra tecken, till exempel ABCD-EFGH-JKLM.
claim-button = Ta över mina uppgifter
claim-staff = Inlösningskoden skrivs in av personen själv på sitt eget konto.
claim-error-code = Koden duger inte: den är fel, har gått ut eller redan använts. Be din handledare om en ny.
claim-error-throttled = För många fel koder. Vänta en stund och försök igen.
referral-make = Gör en remiss hit
audit-you = Du
role-system = Systemet
audit-purpose-referral = Remiss
audit-purpose-consent = Samtycke
audit-purpose-path = Stig
audit-purpose-export = Export av uppgifter
audit-purpose-erasure = Radering
audit-purpose-retention = Lagringstiden slut
audit-purpose-audit = Läsning av loggen
audit-action-read = läst
audit-action-create = skapat
audit-action-accept = godkänt
audit-action-decline = inte mottaget
audit-action-start = påbörjat
audit-action-complete = avslutat
audit-action-cancel = återkallat
audit-action-withdraw = samtycke återkallat
audit-action-claim = övertaget
audit-action-erase = raderat
audit-action-prune = gamla rader raderade
audit-record-referral = remiss
audit-record-consent = samtycke
audit-record-client = klientuppgift
audit-record-account = konto
audit-record-audit_log = logg
admin-audit-title = Logg över behandling av personuppgifter
admin-audit-intro = Varje läsning och ändring av remisser, samtycken och stigar: vem, i vilken roll, från vilken organisation, för vilket ändamål och när. Raderna är kedjade med hashvärden, så en ändrad, raderad eller flyttad rad upptäcks. Du ser inte remissernas innehåll.
admin-audit-verify = Kontrollera kedjan
admin-audit-filter = Filtrera
admin-audit-any = Alla
admin-audit-who = Vem
admin-audit-what = Vad
admin-audit-record = Uppgift
admin-audit-subject = Person
admin-audit-purpose-label = Ändamål
admin-audit-action-label = Åtgärd
admin-audit-organization-label = Organisationens id
admin-audit-actor-label = Användarens id
admin-audit-subject-label = Personens (klientuppgiftens) id
admin-audit-count = { $count ->
    [one] { $count } rad
   *[other] { $count } rader
}
admin-audit-holds = { $count ->
    [one] Kedjan är hel: { $count } rad kontrollerad.
   *[other] Kedjan är hel: { $count } rader kontrollerade.
}
admin-audit-broken = Kedjan är bruten på rad { $count }. Meddela tjänstens administratör; kommandot kolmonen audit verify säger detsamma.
impact-title = Genomslag
impact-intro = Vad remisserna ledde till på hela nätverkets nivå: vart människor hänvisades, hur snabbt de fick svar och var de är nu. Med är bara remisser där personen har samtyckt till statistik och som den mottagande organisationen redan har svarat på.
impact-show = Visa
impact-all = Alla
impact-all-kinds = Alla tjänster och platser
impact-all-municipalities = Hela landet
impact-all-organizations = Alla organisationer
impact-all-quarters = Hela tiden
impact-municipality-label = Kommun
impact-organization-label = Organisation
impact-kind-label = Typ av tjänst eller plats
impact-quarter-label = Kvartal
impact-people = Personer (som samtyckt till statistik)
impact-referrals = Remisser
impact-median = Svar på remissen
impact-median-days = median { $days } dagar
impact-median-too-few = färre än fem svar: visas inte
impact-small-cells = Talen är avrundade till närmaste tal delbart med fem. Tal under fem visas som "<5". Markeringen "x" är ett tal som har dolts så att ett litet tal inte kan räknas ut ur summorna; det kan vara hur stort som helst. Så kan ingen identifieras.
impact-flow-title = Fortsatta stigar
impact-flow-intro = Varifrån människor gick vidare och vart: från den första påbörjade tjänsten till nästa, och efter den sista avslutade tjänsten till resultatet. Samma uppgifter finns under bilden som tabell.
impact-flow-svg = De fortsatta stigarna som bild: till vänster varifrån, till höger vart, linjens tjocklek visar antalet.
impact-start = Stigens början
impact-kind-unknown = Okänd typ
impact-total = Totalt
impact-empty = Inga tal med denna avgränsning.
impact-csv = Ladda ner tabellerna (CSV)
impact-json = Tabellerna maskinläsbara (JSON)
impact-table-states = Var remisserna står nu (avslag per orsak, avslutade per resultat)
impact-table-kinds = Remisser enligt typ av tjänst eller plats
impact-table-quarters = Remisser per kvartal
impact-table-flow = Fortsatta stigar som tabell
impact-table-follow_ups = Uppföljning: var personen är 3, 6 och 12 månader efter avslutningen
impact-error-municipality = Välj en kommun i listan.
impact-error-organization = Välj en organisation i listan.
impact-error-kind = Välj en typ i listan.
impact-error-quarter = Välj ett kvartal i listan.
impact-quarter = kvartal { $quarter } { $year }
impact-months = { $count ->
    [one] { $count } månad
   *[other] { $count } månader
}
referral-mail-remind-receiver = Kolmonen: en remiss väntar på ert svar
referral-mail-remind-sender = Kolmonen: en remiss ni skickat har inte besvarats
follow-up-mail-subject = Kolmonen: var står personen nu?
follow-up-mail-body = Det är dags att följa upp vad som hände efter den avslutade tjänsten. Svara med ett val här (logga in först):
    { $link }
follow-up-title = Uppföljning
follow-up-answer = Spara svaret
follow-up-saved = Uppföljningssvaret har sparats. Tack!
follow-up-not-open = Den här uppföljningen kan inte besvaras nu: den är redan besvarad eller hör inte till dig.
referral-follow_up_outcome-label = Var personen är nu
audit-action-follow_up = uppföljning besvarad
follow-up-question = { $count ->
    [one] { $count } månad efter avslutningen: var är personen nu?
   *[other] { $count } månader efter avslutningen: var är personen nu?
}
referral-mail-body-sent = Ni har en ny remiss i Kolmonen. Läs och svara här (logga in först):
    { $link }
client-code-title = Inlösningskod
referrals-not-for-role-title = Remisser hör inte till den här rollen
referrals-not-for-role-text = Remisser och klienter hanteras av organisationernas handledare och av personerna själva. Dataskyddsombudet ser behandlingsloggen, inte remissernas innehåll.
claim-done = Uppgifterna är nu dina. Här är din stig; dina samtycken ser du på sidan Mina samtycken.
referral-self-summary-intro = Skriv kort med egna ord; minst en punkt. Mottagaren läser detta.
referral-self-wants-label = Vad jag vill
referral-self-wants-hint = Till exempel: jag vill pröva på snickeri, på deltid.
referral-self-tried-label = Vad jag redan har prövat
referral-self-tried-hint = Tidigare tjänster och platser, så att man inte börjar om från början.
referral-self-helps-label = Vad som hjälper mig
referral-self-helps-hint = Till exempel: tydliga skriftliga instruktioner, en lugn lokal.
referral-self-health-label = Anteckningar om min hälsa eller arbetsförmåga
referral-self-health-hint = Bara om du vill att de följer med. Kräver ett eget samtycke.
admin-audit-error-choice = Välj i listan.
admin-audit-error-id = Skriv ett id eller dess början (minst 8 tecken: siffror 0–9, bokstäver a–f och bindestreck).
admin-audit-error-organization = Skriv organisationens hela id.
admin-audit-actor-hint = Hela id:t eller dess början, som i tabellen.
admin-audit-subject-hint = Hela id:t eller dess början, som i tabellen.
impact-too-few = Med denna avgränsning finns färre än 20 personer, så inga tal visas: av dem kunde man sluta sig till en enskild människas uppgifter. Välj en bredare avgränsning.
referral-client-withdrawn = (samtycket återkallat)

## Networks (issue 19)
networks-title = Nätverk
nav-networks = Nätverk
networks-intro = I ett nätverk arbetar regionens föreningar, stiftelser och sociala företag tillsammans med sysselsättning. En organisations huvudanvändare kan be om att få gå med, och nätverkets koordinator godkänner medlemmarna.
networks-none = Inga nätverk har grundats ännu.
networks-members-count = { $count ->
    [0] Inga medlemmar
    [one] 1 medlem
   *[other] { $count } medlemmar
}
networks-area = Område
networks-impact-link = Effekten av nätverksmedlemmarnas remisser
networks-members = Medlemmar
networks-members-none = Nätverket har inga medlemmar ännu.
networks-member-since = medlem
networks-asked = bad
networks-requests = Ansökningar om medlemskap
networks-requests-none = Inga ansökningar väntar.
networks-accept-button = Godkänn
networks-decline-button = Avslå
networks-remove-button = Ta bort ur nätverket
networks-own-member = Din organisation är medlem i nätverket.
networks-own-requested = Din organisation har bett om att få gå med. Nätverkets koordinator svarar.
networks-join-text = Din organisation är inte medlem i nätverket. Ansökan går till nätverkets koordinator.
networks-join-button = Be om att få gå med
networks-leave-button = Lämna nätverket
networks-withdraw-button = Återkalla ansökan
networks-new-title = Grunda ett nätverk
networks-edit-title = Redigera nätverket
networks-back = Tillbaka
networks-save-button = Spara
networks-name-label = Namn
networks-description-label = Beskrivning
networks-description-hint = Vad nätverket gör och för vem. En tom rad börjar ett nytt stycke.
networks-municipalities-label = Områdets kommuner
networks-municipalities-hint = Kommunernas namn eller nummer åtskilda med kommatecken, till exempel Lahtis, Hollola, Asikkala.
networks-coordinators-label = Koordinatorer
networks-coordinators-hint = Koordinatorernas e-postadresser, en per rad. Var och en behöver ett koordinatorskonto i Kolmonen.
networks-error-name = Skriv nätverkets namn.
networks-error-name-long = Namnet ska vara en rad på högst 200 tecken.
networks-error-description-long = Beskrivningen är för lång (högst 4 000 tecken).
networks-error-municipality = Dessa kommuner hittades inte: { $names }.
networks-error-municipalities-many = För många kommuner (högst 60).
networks-error-coordinator = Dessa adresser har inget koordinatorskonto: { $names }.
networks-error-coordinators-many = För många koordinatorer (högst 20).
networks-done-saved = Nätverket sparades.
networks-done-requested = Ansökan skickades till koordinatorn.
networks-done-already = Din organisation har redan ansökt eller är medlem.
networks-done-left = Din organisation är inte längre med i nätverket.
networks-done-accepted = Organisationen godkändes som medlem.
networks-done-declined = Ansökan avslogs.
networks-done-removed = Organisationen togs bort ur nätverket.
networks-done-stale = Någon hann redan svara. Sidan visar läget nu.
field-member-of-networks = Medlem i nätverk i Kolmonen
impact-network-label = Nätverk
impact-error-network = Välj ett nätverk i listan.
impact-network-all = Alla nätverk
mail-network-request-subject = Kolmonen: { $organization } ber om att få gå med i nätverket { $network }
mail-network-request-body = Hej,

    { $organization } ber om att få gå med i nätverket { $network }. Godkänn eller avslå ansökan på nätverkets sida:

    { $link }
mail-network-accepted-subject = Kolmonen: välkommen till nätverket { $network }
mail-network-accepted-body = Hej,

    { $organization } är nu medlem i nätverket { $network }:

    { $link }
mail-network-removed-subject = Kolmonen: { $organization } togs bort ur nätverket { $network }
mail-network-removed-body = Hej,

    koordinatorn för nätverket { $network } tog bort { $organization } ur nätverket. Ni kan ansöka på nytt på nätverkets sida:

    { $link }
mail-network-declined-subject = Kolmonen: ansökan till nätverket { $network } godkändes inte
mail-network-declined-body = Hej,

    koordinatorn för nätverket { $network } godkände inte ansökan från { $organization }. Ni kan fråga koordinatorn eller ansöka på nytt på nätverkets sida:

    { $link }
mail-network-left-subject = Kolmonen: { $organization } lämnade nätverket { $network }
mail-network-left-body = Hej,

    { $organization } lämnade nätverket { $network } eller återkallade sin ansökan:

    { $link }
mail-network-named-subject = Kolmonen: du är koordinator för nätverket { $network }
mail-network-named-body = Hej,

    du har utsetts till koordinator för nätverket { $network } i Kolmonen. På nätverkets sida godkänner du ansökningar och redigerar nätverkets uppgifter:

    { $link }
client-municipality-column = Hemkommun
networks-error-name-taken = Det finns redan ett nätverk med samma namn. Välj ett annat namn.
networks-done-requested-nobody = Ansökan har sparats. Nätverket har ingen koordinator ännu, så ansökan väntar tills Kolmonens administration utser en.
networks-done-unverified = Din organisation har inte bekräftats ännu, så den kan inte be om att få gå med i ett nätverk. Kolmonens administration eller nätverkets koordinator bekräftar nya organisationer.
networks-done-throttled = Din organisation har bett om att få gå med för många gånger inom en timme. Försök igen senare.

## Events (issue 19)
nav-events = Evenemang
events-title = Evenemang
events-past-title = Tidigare evenemang
events-intro = Nätverksträffar, verkstäder, rekryteringsevenemang och öppet hus. Filtrera efter kommun, nätverk eller målgrupp och prenumerera på kalendern.
events-none = Inga evenemang med dessa val.
events-filter-municipality-label = Kommun
events-filter-network-label = Nätverk
events-filter-audience-label = Målgrupp
events-filter-any = Alla
events-filter-button = Visa evenemang
events-past-link = Tidigare evenemang
events-upcoming-link = Kommande evenemang
events-feed-link = Prenumerera som kalender (iCalendar)
events-organizer = Arrangör
events-cancelled = Inställt
events-cancelled-text = Evenemanget är inställt.
events-past = avslutat
events-online = På nätet
events-upcoming-more = och { $count } gånger till
events-upcoming-dates = Kommande tillfällen
events-add-to-calendar = Lägg till i kalendern
events-place = Plats
events-municipality = Kommun
events-network = Nätverk
events-audience = För vem
events-languages = Språk
events-cost = Pris
events-free = Avgiftsfritt
events-accessibility = Tillgänglighet
events-full = Platserna är fulla. Du kan anmäla dig till kön.
events-places-left = { $count ->
    [one] 1 plats kvar
   *[other] { $count } platser kvar
}
events-going-count = { $count ->
    [one] 1 kommer
   *[other] { $count } kommer
}
events-waiting-count = { $count ->
    [one] 1 i kö
   *[other] { $count } i kö
}
events-occurrences-count = { $count ->
    [one] 1 gång
   *[other] { $count } gånger
}
events-repeat-weekly = Varje vecka
events-repeat-biweekly = Varannan vecka
events-repeat-monthly = En gång i månaden på samma veckodag
events-manage = För arrangören
events-edit-title = Redigera evenemanget
events-new-title = Nytt evenemang
events-cancel-button = Ställ in evenemanget
events-signup-heading = Anmälan
events-signup-name-label = Namn
events-signup-email-label = E-post
events-signup-email-hint = Vi skickar en bekräftelselänk. Via länken kan du också återkalla anmälan.
events-signup-needs-label = Särskilda behov (frivilligt)
events-signup-needs-hint = Till exempel tolkning, specialkost eller rullstolsplats.
events-signup-privacy = Ditt namn, din e-post och dina behov syns bara för arrangörerna och raderas 30 dagar efter evenemanget.
events-signup-button = Anmäl mig
events-signup-closed = Det går inte att anmäla sig till evenemanget via Kolmonen just nu.
events-signup-none = Ingen anmälan behövs till evenemanget: kom bara.
events-your-signup = Din anmälan
events-withdraw-button = Återkalla anmälan
events-confirm-button = Bekräfta anmälan
events-signup-title = Din anmälan
events-signup-unknown = Anmälan hittades inte. Länken kan vara för gammal, eller så har deltagaruppgifterna redan raderats.
events-signup-done-confirmed = Din anmälan är bekräftad. Platsen är reserverad för dig.
events-signup-done-waiting = Din anmälan är bekräftad. Platserna är fulla, så du står i kö. Vi meddelar per e-post om en plats blir ledig.
events-signup-done-cancelled = Din anmälan är återkallad.
events-state-pending = väntar på bekräftelse av e-posten
events-state-going = plats reserverad
events-state-waiting = i kö
events-state-cancelled = återkallad
events-done-saved = Evenemanget är sparat.
events-done-cancelled = Evenemanget är inställt. De anmälda har fått besked.
events-done-signed-up = Du är anmäld. En bekräftelse har skickats till din e-post.
events-done-confirm-sent = Vi skickade en bekräftelselänk till din e-post. Anmälan gäller när du har bekräftat den.
events-done-waiting = Platserna är fulla, så du står i kö. Vi meddelar per e-post om en plats blir ledig.
events-done-already = Den här e-postadressen är redan anmäld till evenemanget.
events-done-withdrawn = Din anmälan är återkallad.
events-done-throttled = Många anmälningar har redan skickats till den här adressen inom en timme. Försök igen senare.
events-done-closed = Anmälan till evenemanget har avslutats.
events-back = Tillbaka
events-participants-title = Deltagare
events-participants-csv = Ladda ner deltagarna (CSV)
events-participants-none = Inga anmälda ännu.
events-participants-deleted = Deltagarnas uppgifter raderas { $date }.
events-csv-name = Namn
events-csv-email = E-post
events-csv-needs = Särskilda behov
events-csv-state = Status
events-csv-confirmed = Bekräftad
events-kind-label = Typ av evenemang
event-kind-network_meeting = Nätverksträff
event-kind-workshop = Verkstad
event-kind-recruitment_fair = Rekryteringsevenemang
event-kind-open_day = Öppet hus
event-kind-training = Utbildning
event-kind-other = Annat evenemang
events-title-label = Namn
events-description-label = Beskrivning
events-co_organizers-label = Andra arrangörer (frivilligt)
events-co_organizers-hint = Organisationernas namn eller FO-nummer, ett per rad.
events-network-label = Nätverk (frivilligt)
events-network-none = Inget nätverk
events-location-label = Verksamhetsställe (frivilligt)
events-location-none = Inget verksamhetsställe
events-place-label = Plats eller adress
events-place-hint = Till exempel ett rum, eller en adress om evenemanget inte är på ert verksamhetsställe.
events-municipality-label = Kommun
events-municipality-hint = Kommunens namn eller nummer. Verksamhetsställets kommun om du lämnar tomt.
events-online_url-label = Webblänk (frivilligt)
events-online_url-hint = Adressen där man deltar på nätet, som börjar med https://.
events-when-legend = Tid (finsk tid)
events-date-label = Dag
events-date-hint = Till exempel 10.3.2027.
events-start-label = Börjar kl.
events-start-hint = Till exempel 13.00.
events-end_date-label = Slutdag (om annan dag)
events-end-label = Slutar kl.
events-repeat-legend = Upprepning
events-repeat-label = Upprepas
events-repeat-option-none = Upprepas inte
events-repeat-option-weekly = Varje vecka
events-repeat-option-biweekly = Varannan vecka
events-repeat-option-monthly = En gång i månaden (samma veckodag)
events-until-label = Sista dag
events-count-label = eller antal gånger
events-exceptions-label = Undantagsdagar (frivilligt)
events-exceptions-hint = Dagar då evenemanget inte ordnas, åtskilda med kommatecken.
events-audience-label = Målgrupper
events-languages-label = Språk
events-language-fi = finska
events-language-sv = svenska
events-language-en = engelska
events-language-other = annat språk
events-cost-label = Pris (tomt = avgiftsfritt)
events-accessibility-label = Tillgänglighet
events-accessibility-hint = Till exempel tillgänglig ingång, hörslinga, tolkning.
events-capacity-label = Platser (frivilligt)
events-capacity-hint = När platserna är fulla hamnar följande anmälda i kö.
events-signup-label = Anmälan via Kolmonen
events-save-button = Spara evenemanget
events-error-kind = Välj typ av evenemang.
events-error-title = Skriv evenemangets namn.
events-error-too-long = Texten är för lång eller innehåller radbrytningar.
events-error-organizer = Dessa organisationer hittades inte: { $names }. Skriv namnet exakt som i katalogen, eller FO-numret.
events-error-organizers-many = Ett evenemang kan ha högst 10 arrangörer.
events-error-organizers-unverified = Du kan ange andra arrangörer när en koordinator har granskat din organisation. Publicera evenemanget nu i ditt eget namn.
events-error-network-filter = Nätverket hittades inte. Välj ett nätverk i listan.
events-error-network = Välj ett nätverk som din organisation är medlem i.
events-error-location = Välj ett av din organisations verksamhetsställen.
events-error-municipality = Kommunen kändes inte igen. Skriv kommunens namn eller nummer.
events-error-audience = Målgruppen kändes inte igen.
events-error-online-url = Skriv en webbadress som börjar med https://.
events-error-where = Berätta var evenemanget ordnas: verksamhetsställe, plats, kommun eller webblänk.
events-error-date = Skriv dagen.
events-error-date-form = Skriv dagen i formen 10.3.2027.
events-error-time = Skriv klockslaget i formen 13.00.
events-error-end-before-start = Sluttiden måste vara efter starttiden.
events-error-too-many-days = Ett tillfälle kan pågå högst 14 dagar.
events-error-count = Antalet gånger kan vara 1–260.
events-error-exception = Undantagsdagen kändes inte igen: { $names }. Skriv dagarna i formen 10.3.2027.
events-error-repeat = Välj upprepning i listan.
events-error-series-end = Berätta när upprepningen slutar: sista dag eller antal gånger.
events-error-empty-series = Det återstår inga tillfällen för evenemanget. Kontrollera sista dagen och undantagsdagarna.
events-error-series-range = Ett återkommande evenemang kan pågå högst två år, och undantagsdagarna kan vara högst 60.
events-error-capacity = Skriv antalet platser som ett tal 1–10000, eller lämna tomt.
events-error-name = Skriv ditt namn.
events-error-name-long = Namnet är för långt.
events-error-email = Skriv e-postadressen i formen namn@exempel.fi.
events-error-needs-long = Texten om särskilda behov är för lång (högst 500 tecken).
events-my-calendar-title = Mina evenemang
events-mine-none = Du har inte anmält dig till några evenemang.
events-feed-heading = Eget kalenderflöde
events-feed-text = Kalenderflödet visar dina anmälningar i kalendern i din telefon eller dator. Adressen är hemlig: dela den inte. Om den har kommit i fel händer, gör en ny, så slutar den gamla att fungera.
events-feed-address = Flödets adress
events-feed-make = Gör ett kalenderflöde
events-feed-renew = Gör en ny adress
events-feed-renewed = En ny adress har gjorts. Den gamla fungerar inte längre.
events-new-link = Lägg till ett evenemang
mail-event-confirm-subject = Kolmonen: bekräfta din anmälan till { $event }
mail-event-confirm-body = Hej,

    någon anmälde sig med den här adressen till evenemanget { $event } ({ $when }). Bekräfta anmälan genom att öppna länken:

    { $link }

    Om du inte anmälde dig kan du lämna meddelandet utan åtgärd.
mail-event-going-subject = Kolmonen: din plats på { $event } är reserverad
mail-event-going-body = Hej,

    din plats på evenemanget { $event } ({ $when }) är reserverad. Du kan se eller återkalla din anmälan här:

    { $link }
mail-event-waiting-subject = Kolmonen: du står i kö till { $event }
mail-event-waiting-body = Hej,

    platserna på evenemanget { $event } ({ $when }) är fulla, så du står i kö. Vi meddelar om en plats blir ledig. Du kan återkalla din anmälan här:

    { $link }
mail-event-moved-up-subject = Kolmonen: en plats blev ledig på { $event }
mail-event-moved-up-body = Hej,

    en plats blev ledig för dig på evenemanget { $event } ({ $when }). Om du inte kan komma, återkalla din anmälan så går platsen till nästa:

    { $link }
mail-event-already-subject = Kolmonen: du har redan anmält dig till { $event }
mail-event-already-body = Hej,

    den här adressen har redan en anmälan till { $event } ({ $when }). Du ser, bekräftar eller återkallar den via länken:

    { $link }

    Om du inte själv anmälde dig kan du bortse från meddelandet.
mail-event-withdrawn-subject = Kolmonen: din anmälan till { $event } är återkallad
mail-event-withdrawn-body = Hej,

    din anmälan till evenemanget { $event } ({ $when }) är återkallad.

    { $link }
mail-event-cancelled-subject = Kolmonen: evenemanget { $event } är inställt
mail-event-cancelled-body = Hej,

    arrangören har ställt in evenemanget { $event } ({ $when }) som du var anmäld till. Vi beklagar.

    { $link }
mail-event-reminder-subject = Kolmonen: påminnelse om morgondagens evenemang { $event }
mail-event-reminder-body = Hej,

    vi påminner om att du är anmäld till morgondagens evenemang { $event } ({ $when }). Om du inte kan komma, återkalla din anmälan så går platsen till nästa:

    { $link }

## Network digests (issue 19)
networks-events = Nätverkets kommande evenemang
networks-events-none = Nätverket har inga kommande evenemang.
networks-events-all = Alla nätverkets evenemang
networks-events-ics = Evenemangen i kalendern (iCalendar)
networks-follow = Följ nätverket
networks-follow-text = En gång i veckan, på måndag morgon, får du per e-post ett sammandrag av medlemmarnas nya lediga platser och evenemang. Inget meddelande kommer om inget är nytt.
networks-follow-subscribe = Prenumerera på veckosammandraget
networks-digest-place = Plats
digest-subscribe-title = Prenumerera på nätverkets veckosammandrag
digest-subscribe-lead = Skriv din e-postadress. Vi skickar en länk till den som du bekräftar prenumerationen med. Du behöver inget konto.
digest-email-label = E-postadress
digest-privacy = Din adress används bara för att skicka sammandraget. Varje meddelande har en länk som avslutar prenumerationen med en knapp. En obekräftad prenumeration raderas efter en vecka.
digest-subscribe-button = Prenumerera
digest-feed-link = Samma nyheter som flöde (Atom)
digest-error-email = Skriv e-postadressen i formen namn@exempel.fi.
digest-done-sent = Vi skickade ett meddelande till adressen du skrev. Prenumerationen börjar när du bekräftar den med länken i meddelandet. Om adressen redan prenumererar finns en länk till prenumerationen i meddelandet.
digest-done-throttled = Det har gjorts för många prenumerationer från den här adressen eller enheten inom en timme. Försök igen senare.
digest-subscription-title = Prenumeration på veckosammandraget
digest-subscription-active = Prenumerationen gäller: du får sammandraget på måndag morgon när något nytt har hänt i nätverket.
digest-subscription-pending = Prenumerationen har inte bekräftats ännu.
digest-subscription-unknown = Prenumerationen hittades inte. Den har kanske redan avslutats, eller så är länken gammal.
digest-confirm-button = Bekräfta prenumerationen
digest-unsubscribe-button = Avsluta prenumerationen
digest-done-confirmed = Prenumerationen är bekräftad.
digest-done-unsubscribed = Prenumerationen är avslutad och inga fler sammandrag skickas till din adress. Adressen har raderats.
mail-digest-confirm-subject = Kolmonen: bekräfta prenumerationen på veckosammandraget – { $network }
mail-digest-confirm-body = Hej,

    den här adressen beställde veckosammandraget för nätverket { $network } i Kolmonen. Bekräfta prenumerationen med den här länken:

    { $link }

    Om du inte beställde sammandraget själv kan du strunta i det här meddelandet: en obekräftad prenumeration raderas efter en vecka.
mail-digest-already-subject = Kolmonen: du prenumererar redan på veckosammandraget – { $network }
mail-digest-already-body = Hej,

    den här adressen prenumererar redan på veckosammandraget för nätverket { $network }. Du kan avsluta prenumerationen med den här länken:

    { $link }
mail-digest-subject = Kolmonen: veckosammandrag – { $network }
mail-digest-intro = Hej, här är det nya från medlemmarna i nätverket { $network } under perioden { $period }.
mail-digest-places = { $count ->
    [one] Ny ledig plats
   *[other] Nya lediga platser ({ $count })
}
mail-digest-events = { $count ->
    [one] Nytt evenemang
   *[other] Nya evenemang ({ $count })
}
mail-digest-projects = { $count ->
    [one] Nytt projekt
   *[other] Nya projekt ({ $count })
}
mail-digest-articles = { $count ->
    [one] Nytt i kunskapsbanken
   *[other] Nytt i kunskapsbanken ({ $count })
}
mail-digest-more = Nätverkets sida: { $link }
mail-digest-unsubscribe = Du får det här meddelandet eftersom du prenumererar på nätverkets veckosammandrag. Du kan avsluta prenumerationen här: { $link }

## Project register: the CSV import's messages ($column, $value)
projects-csv-too-large = Filen är för stor: högst { $value } MB.
projects-csv-not-utf8 = Filen är inte UTF-8-text. Spara den i kalkylprogrammet som ”CSV UTF-8”.
projects-csv-unreadable = Raden kan inte läsas som CSV (kontrollera citattecknen).
projects-csv-unknown-column = Okänd kolumn ”{ $value }”. Kolumnerna finns i anvisningen.
projects-csv-missing-column = Kolumnen ”{ $value }” saknas.
projects-csv-too-many-rows = För många rader: högst { $value } projekt åt gången.
projects-csv-required = Cellen i kolumnen { $column } är tom: uppgiften är obligatorisk.
projects-csv-too-long = Texten i kolumnen { $column } är för lång.
projects-csv-too-many = För många partner: högst { $value }.
projects-csv-duplicate-key = Nyckeln ”{ $value }” finns två gånger i filen.
projects-csv-key-taken = Nyckeln ”{ $value }” hör redan till en annan organisations projekt.
projects-csv-lead-not-yours = Du kan inte lägga till ett projekt i organisationen ”{ $value }”s namn.
projects-csv-ambiguous = Flera organisationer heter ”{ $value }”: använd organisationens id.
projects-csv-unknown-organization = Organisationen ”{ $value }” finns inte i Kolmonen.
projects-csv-unknown-funder = Okänd finansiär ”{ $value }”: använd id eller namn (t.ex. stea, esr_plus, municipality) och skilj flera åt med semikolon.
projects-csv-bad-euros = ”{ $value }” är inte ett belopp i hela euro (t.ex. 96 000 €).
projects-csv-bad-date = ”{ $value }” är inte ett datum (t.ex. 2025-03-01 eller 1.3.2025).
projects-csv-ends-before-start = Projektet slutar ({ $value }) innan det börjar.
projects-csv-unknown-target-group = Okänd målgrupp ”{ $value }”: använd id eller namn ur sidans lista och skilj flera åt med semikolon.
projects-csv-unknown-municipality = Okänd kommun ”{ $value }” (kommunnummer eller namn).

## Project register: pages
projects-title = Projektregister
projects-intro = Vem gör vad: de finansierade projekten hos regionens organisationer och partner, deras mål, finansiärer och resultat.
projects-count = { $count ->
    [one] 1 projekt
   *[other] { $count } projekt
}
projects-none = Inga projekt med dessa val.
projects-csv-link = Ladda ner projektregistret (CSV)
projects-organization = Organisation
projects-filter-any = Ingen avgränsning
projects-filter-button = Visa projekt
projects-filter-funder-label = Finansiär
projects-filter-status-label = Status
projects-filter-municipality-label = Kommun
projects-filter-municipality-hint = Kommunens namn eller nummer, t.ex. Lahtis eller 398
projects-filter-target_group-label = Målgrupp
projects-error-funder = Välj en finansiär i listan.
projects-error-status = Välj en status i listan.
projects-error-municipality = Kommunen hittades inte. Skriv kommunens namn eller nummer, t.ex. Lahtis eller 398.
projects-error-target-group = Välj en målgrupp i listan.
projects-error-organization = Organisationens id är ogiltigt.
projects-status-planned = Planerat
projects-status-ongoing = Pågående
projects-status-ended = Avslutat
projects-period-open = från { $date }
projects-field-period = Period
projects-field-funders = Finansiärer
projects-field-lead = Huvudman
projects-field-partners = Partner
projects-field-budget = Budget
projects-field-municipalities = Kommuner
projects-field-aims = Mål
projects-field-results = Resultat
projects-field-contact-role = Kontaktperson (uppgift)
projects-new-link = Lägg till projekt
projects-own-link = Organisationens projekt
projects-new-title = Nytt projekt
projects-edit-title = Redigera projektet
projects-edit-link = Redigera projektet
projects-back = Tillbaka
projects-name-legend = Projektets namn
projects-name_fi-label = Namn på finska
projects-name_sv-label = Namn på svenska (valfritt)
projects-name_en-label = Namn på engelska (valfritt)
projects-partners-label = Partner (valfritt)
projects-partners-hint = En per rad. Namnet på en organisation i Kolmonen blir en länk; andra namn visas som de är.
projects-funders-label = Finansiärer
projects-funder_note-label = Precisering av finansiären (valfritt)
projects-funder_note-hint = Till exempel finansieringsprogrammet eller understödets namn.
projects-budget_eur-label = Budget i euro (valfritt)
projects-budget_eur-hint = I hela euro, t.ex. 96000.
projects-starts_on-label = Börjar
projects-starts_on-hint = Till exempel 1.3.2025.
projects-ends_on-label = Slutar (valfritt)
projects-ends_on-hint = Tomt om slutdatumet inte är bestämt.
projects-municipalities-label = Kommuner (valfritt)
projects-municipalities-hint = Kommunernas namn eller nummer åtskilda med kommatecken, t.ex. Lahtis, Hollola.
projects-target_groups-label = Målgrupper
projects-texts-legend = Mål, kontaktperson och resultat
projects-aims_fi-label = Mål på finska
projects-aims_sv-label = Mål på svenska (valfritt)
projects-aims_en-label = Mål på engelska (valfritt)
projects-contact_role_fi-label = Kontaktpersonens uppgift på finska
projects-contact_role_fi-hint = En titel, t.ex. Verkstadshandledare – inte personens namn.
projects-contact_role_sv-label = Kontaktpersonens uppgift på svenska (valfritt)
projects-contact_role_en-label = Kontaktpersonens uppgift på engelska (valfritt)
projects-results_fi-label = Resultat på finska (valfritt)
projects-results_sv-label = Resultat på svenska (valfritt)
projects-results_en-label = Resultat på engelska (valfritt)
projects-form-required = Den här uppgiften är obligatorisk.
projects-form-too-long = Texten är för lång.
projects-save-button = Spara projektet
projects-delete-legend = Ta bort projektet
projects-delete-hint = Projektet tas bort ur registret och sökningen. Det går inte att ångra.
projects-delete-button = Ta bort projektet permanent
projects-deleted = Projektet togs bort.
projects-saved = Projektet sparades.

## Attachments of projects (and later articles)
attachments-title = Bilagor
attachments-none = Inga bilagor ännu. Lägg till rapporter, broschyrer och resultat här.
attachments-title-label = Bilagans namn
attachments-title-hint = Till exempel ”Slutrapport 2025”. Högst 200 tecken.
attachments-file-label = Fil
attachments-file-hint = PDF, Word (DOCX), OpenDocument-text (ODT) eller en PNG- eller JPEG-bild, högst 8 MB. Om filen inte godtas, välj den på nytt: webbläsaren behåller inte valet.
attachments-upload = Lägg till bilaga
attachments-delete = Ta bort
attachments-added = Bilagan har lagts till.
attachments-deleted = Bilagan har tagits bort.
attachments-size-kb = { $size } kB
attachments-size-mb = { $size } MB
attachments-error-title = Skriv ett namn på bilagan.
attachments-error-title-long = Namnet är för långt (högst 200 tecken).
attachments-error-full = Det finns redan 20 bilagor. Ta bort någon innan du lägger till en ny.
attachments-error-file = Välj en fil.
attachments-error-size = Filen är för stor. Högst 8 MB.
attachments-error-type = Filen är inte PDF, DOCX, ODT, PNG eller JPEG, eller så skulle den hämta något annanstans ifrån när den öppnas. Filtypen känns igen av innehållet, inte av namnet. Word-filer med makron, inbäddade program, fjärrmall eller bilder som hämtas från nätet tas inte emot.

## Knowledge bank
articles-title = Kunskapsbank
articles-intro = Goda rutiner, guider, mallar och rapporter som föreningarna har skrivit åt varandra. Du får använda dem enligt licensen.
articles-count = { $count ->
    [one] 1 text
   *[other] { $count } texter
}
articles-none = Inga texter med dessa avgränsningar.
articles-organization = Skribent
articles-filter-button = Visa
articles-filter-any = Ingen avgränsning
articles-filter-kind-label = Typ
articles-filter-topic-label = Ämne
articles-filter-target_group-label = För vem
articles-error-filter = Det alternativet finns inte. Välj i listan.
articles-kind-good_practice = God praxis
articles-kind-guide = Guide
articles-kind-template = Mall
articles-kind-report = Rapport
articles-lang-fi = på finska
articles-lang-sv = på svenska
articles-lang-en = på engelska
search-type-article = Kunskapsbank
articles-field-kind = Typ
articles-field-updated = Uppdaterad
articles-field-authors = Skribenter
articles-updated = uppdaterad { $date }
articles-saved = Texten har sparats.
articles-deleted = Texten har tagits bort.
articles-edit-link = Redigera texten
articles-topics-label = Ämnen
articles-target_groups-label = För vem
articles-licence-label = Licens
articles-licence-cc-by-4-0 = CC BY 4.0 (ange upphovsman)
articles-licence-cc-by-sa-4-0 = CC BY-SA 4.0 (ange upphovsman, dela lika)
articles-licence-cc0-1-0 = CC0 1.0 (fri användning)
articles-history-link = Versionshistorik: vem ändrade vad
articles-related = Om samma ämnen
articles-related-services = Tjänster om samma ämnen
articles-back = Tillbaka
articles-history-title = Versionshistorik: { $title }
articles-history-intro = Varje sparning är en egen version. Tillagda rader är markerade med plus och borttagna med minus.
articles-history-version = Version { $version }
articles-history-someone = Borttagen organisation
articles-history-title-changed = Rubriken ändrades
articles-history-added = tillagt
articles-history-removed = borttaget
articles-new-title = Ny text i kunskapsbanken
articles-edit-title = Redigera texten
articles-new-link = Skriv i kunskapsbanken
articles-own-link = Egna texter i kunskapsbanken
articles-title-label = Rubrik
articles-kind-label = Typ
articles-lang-label = Språk som texten är skriven på
articles-body-label = Text
articles-body-hint = Skriv i Markdown: ## mellanrubrik, **fetstil**, - lista, [länktext](https://adress.fi). HTML-kod visas som text. Skriv inte namn på klienter eller andra personer.
articles-licence-hint = På vilka villkor andra får använda texten.
articles-note-label = Vad du ändrade (frivilligt)
articles-note-hint = Syns i versionshistoriken, till exempel ”Uppdaterad enligt 2026 års anvisningar”.
articles-save-button = Spara
articles-delete-legend = Ta bort texten
articles-delete-hint = Texten, dess versioner och bilagor tas bort permanent.
articles-delete-button = Ta bort texten
articles-error-required = Uppgiften är obligatorisk.
articles-error-too-long = Texten är för lång (högst { $value } tecken).
articles-error-kind = Välj typ i listan.
articles-error-lang = Välj språk i listan.
articles-error-licence = Välj licens i listan.
articles-error-term = Okänt val ”{ $value }”.
articles-error-conflict = Någon sparade en nyare version av texten medan du redigerade den. Din text finns kvar nedan men har inte sparats: se i versionshistoriken vad som ändrades och spara sedan på nytt.
attachments-error-broken = Bilden kunde inte läsas. Spara den på nytt i ett bildprogram eller med telefonen och försök sedan igen.
portfolio-error-broken = Bilden kunde inte läsas. Spara den på nytt i ett bildprogram eller med telefonen och försök sedan igen.
projects-form-funders-required = Välj minst en finansiär.
municipality-on-this-page = På den här sidan
networks-projects = Medlemmarnas pågående projekt
networks-projects-none = Medlemmarna har inga pågående projekt i projektregistret.
networks-articles = Medlemmarnas senaste texter i kunskapsbanken
networks-articles-none = Medlemmarna har ännu inte skrivit i kunskapsbanken.
articles-error-nesting = För många citat och listor i varandra (högst { $value }).

## Project register: loading a spreadsheet
projects-import-title = Importera projekt från en tabell
projects-import-link = Importera projekt från en tabell (CSV)
projects-import-file-title = Välj fil
projects-import-intro = Importera regionens nuvarande projektlista som en CSV-fil: en rad per projekt. Filen kontrolleras först, och ingenting sparas förrän alla rader är i ordning och du godkänner importen. Att importera samma fil igen uppdaterar samma projekt (kolumnen key).
projects-import-file-label = CSV-fil
projects-import-file-hint = CSV i UTF-8 med komma eller semikolon som avgränsare, högst 5 MB och 5 000 rader. Du kan bara importera projekt som din egen organisation leder.
projects-import-check-button = Kontrollera filen
projects-import-no-file = Välj den CSV-fil som ska importeras (ingen fil vald eller filen är tom).
projects-import-rejected = { $count ->
    [one] Filen har 1 fel: ingenting sparades.
   *[other] Filen har { $count } fel: ingenting sparades.
}
projects-import-errors-title = Att rätta
projects-import-errors-hint = Rätta dessa ställen i kalkylprogrammet och importera filen igen. Rad 1 är rubrikraden.
projects-import-line = Rad
projects-import-column = Kolumn
projects-import-problem = Problem
projects-import-more = { $count ->
    [one] …och 1 fel till.
   *[other] …och { $count } fel till.
}
projects-import-preview-title = Filen är i ordning: kontrollera vad importen gör
projects-import-done-title = Projekten har importerats
projects-import-added = { $count ->
    [one] 1 nytt
   *[other] { $count } nya
}
projects-import-updated = { $count ->
    [one] 1 ändras
   *[other] { $count } ändras
}
projects-import-unchanged = { $count ->
    [one] 1 oförändrat
   *[other] { $count } oförändrade
}
projects-import-added-list = Nya projekt
projects-import-updated-list = Projekt som ändras
projects-import-nothing = Filen innehåller inget nytt: alla projekt finns redan i registret sådana de är.
projects-import-load-button = Importera projekten till registret
projects-import-to-list = Till projektregistret
projects-import-columns-title = Kolumner
projects-import-columns-hint = Obligatoriska kolumner är key, name_fi, lead, funders och starts_on. Listor (partner, finansiärer, målgrupper, kommuner) skiljs åt med semikolon. Projektregistret som nedladdning är en färdig mall.
projects-import-template-link = Ladda ner projektregistret som mall (CSV)
projects-csv-extra-cells = Raden har fler celler än rubrikraden har kolumner (extra ”{ $value }”). Ge kolumnen en rubrik eller ta bort cellen.
projects-csv-no-rows = Filen har bara en rubrikrad: inga projekt.
projects-import-changes = Kolumner som ändras: { $columns }
projects-import-funders-title = Finansiärer (id eller namn)
projects-import-target-groups-title = Målgrupper (id eller namn)
projects-csv-duplicate-column = Kolumnen ”{ $value }” finns mer än en gång på rubrikraden.
projects-csv-bad-key = Id:t innehåller ett styrtecken eller ett osynligt tecken: använd bara bokstäver, siffror och skiljetecken.
