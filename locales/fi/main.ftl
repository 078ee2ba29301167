site-name = Kolmonen
home-tagline = Kolmas sektori työllisyyden tukena
language-name = Suomeksi
language-switch = Kieli
skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-home = Etusivu
nav-opportunities = Avoimet paikat
nav-organizations = Järjestöt
nav-municipalities = Kunnat
breadcrumbs = Olet tässä
search-label = Hae koko Kolmosesta
search-button = Hae
search-title = Haku
search-results-count = { $count ->
    [0] Ei tuloksia
    [one] Yksi tulos
   *[other] { $count } tulosta
}
search-empty-words = Hakusanoilla ”{ $word }” ei löytynyt mitään. Kokeile lyhyempää sanaa, poista rajauksia tai selaa avoimia paikkoja ja järjestöjä.
search-empty-filters = Näillä rajauksilla ei löytynyt mitään. Poista jokin rajaus tai selaa avoimia paikkoja ja järjestöjä.
search-empty-words-filters = Hakusanoilla ”{ $word }” ja näillä rajauksilla ei löytynyt mitään. Poista jokin rajaus, kokeile lyhyempää sanaa tai selaa avoimia paikkoja ja järjestöjä.
search-page-beyond = Sivua { $page } ei ole: { $pages ->
    [one] haulla on vain yksi sivu
   *[other] haulla on { $pages } sivua
}. Tässä on viimeinen.
list-page-beyond = Sivua { $page } ei ole: { $pages ->
    [one] listalla on vain yksi sivu
   *[other] listalla on { $pages } sivua
}. Tässä on viimeinen.
footer-about = Kolmonen on järjestöjen, säätiöiden ja osuuskuntien yhteinen palveluhakemisto työnhakijoille ja heidän tukijoilleen. Kolmonen on ykkönen.
footer-open-data = Avoin data ja rajapinta
home-lead = Löydä järjestöjen toiminta, palvelut ja avoimet työkokeilu-, palkkatuki- ja vapaaehtoispaikat yhdestä paikasta.
home-search-label = Mitä etsit?
home-search-hint = Esimerkiksi eläimet, kudonta, kahvila tai työkokeilu
home-newest-opportunities = Uusimmat avoimet paikat
home-organizations = Järjestöjä
home-join-title = Järjestöille
home-join-text = Onko järjestönne, säätiönne tai osuuskuntanne mukana työllisyyden tukena? Kolmonen kokoaa kaikki yhteen, niin työnhakijat, työhönvalmentajat ja kunnat löytävät teidät.
organizations-all = { $count ->
    [one] Katso kaikki järjestöt (1)
   *[other] Katso kaikki { $count } järjestöä
}
opportunities-all = { $count ->
    [one] Katso kaikki avoimet paikat (1)
   *[other] Katso kaikki { $count } avointa paikkaa
}
organizations-title = Järjestöt ja toimijat
organizations-count = { $count ->
    [0] Ei järjestöjä
    [one] 1 järjestö
   *[other] { $count } järjestöä
}
opportunities-title = Avoimet paikat
opportunities-count = { $count ->
    [0] Ei paikkoja
    [one] 1 paikka
   *[other] { $count } paikkaa
}
open-opportunities-count = { $count ->
    [0] ei avoimia paikkoja
    [one] 1 avoin paikka
   *[other] { $count } avointa paikkaa
}
municipalities-title = Kunnat
municipality-no-opportunities = Tässä kunnassa ei ole juuri nyt avoimia paikkoja.
municipality-no-services = Tässä kunnassa ei ole vielä palveluja Kolmosessa.
municipality-no-organizations = Tässä kunnassa ei ole vielä toimijoita Kolmosessa.
municipality-all-opportunities = Kaikki tämän kunnan paikat
municipality-all-organizations = Kaikki tämän kunnan järjestöt
municipality-projects-title = Käynnissä olevat hankkeet
municipality-no-projects = Tässä kunnassa ei ole käynnissä hankkeita, joista Kolmonen tietää.
municipality-all-projects = Kaikki tämän kunnan käynnissä olevat hankkeet ({ $count })
municipality-all-services = Kaikki tämän kunnan palvelut ja toiminta
filter-legend = Rajaa hakua
filter-municipality = Kunta
filter-all-municipalities = Kaikki kunnat
filter-type = Paikan tyyppi
filter-all-types = Kaikki tyypit
filter-open-only = Vain paikat, joihin voi hakea nyt
filter-apply = Näytä
pager-nav = Sivut
pager-prev = Edellinen sivu
pager-next = Seuraava sivu
pager-label = Sivu { $page } / { $pages }
kind-organization = Järjestö
kind-activity = Toiminta
kind-service = Palvelu
kind-activity-explanation = Toiminta on järjestön omaa, yleensä maksutonta toimintaa, johon voi tulla mukaan ilman lähetettä.
kind-service-explanation = Palvelu on järjestön tuottama palvelu, jonka kunta, hyvinvointialue tai työllisyyspalvelut voivat ostaa asiakkaalleen.
legal-form-association = Yhdistys
legal-form-foundation = Säätiö
legal-form-cooperative = Osuuskunta
legal-form-social_enterprise = Yhteiskunnallinen yritys
legal-form-municipality = Kunta
legal-form-parish = Seurakunta
legal-form-company = Yritys
legal-form-other = Muu toimija
badge-verified = Tarkistettu toimija
fresh-checked = Tiedot tarkistettu { $date }
fresh-stale = Tiedot tarkistettu viimeksi { $date }, ne voivat olla vanhentuneita
fallback-in-finnish = (suomeksi)
fallback-in-swedish = (ruotsiksi)
fallback-in-english = (englanniksi)
tag-free = Maksuton
tag-low-threshold = Matala kynnys
tag-part-time = Osa-aikainen
places-free = { $count ->
    [one] 1 paikka vapaana
   *[other] { $count } paikkaa vapaana
}
hours-per-week-value = { $count } h/viikko
status-open = Haku auki
status-full = Paikat täynnä
status-closed = Haku päättynyt
offered-by = Järjestäjä:
what-is-this = Mikä tämä on?
section-locations = Toimipaikat
section-services = Palvelut ja toiminta
section-opportunities = Paikat
section-open-opportunities = Avoimet paikat
section-contacts = Yhteystiedot
section-tasks = Mitä teet
section-requirements = Kenelle sopii ja mitä tarvitaan
section-where = Missä
section-how-to-apply = Näin haet
apply-ask-organization = Kysy paikasta järjestöltä:
apply-see-organization = Kysy paikasta järjestöltä; yhteystiedot ovat sen sivulla:
field-legal-form = Toimijatyyppi
field-business-id = Y-tunnus
field-website = Verkkosivut
field-email = Sähköposti
field-address = Osoite
field-phone = Puhelin
field-areas-served = Toiminta-alue
field-networks = Verkostot
field-target-groups = Kenelle
field-topics = Aiheet
field-languages = Kielet
field-cost = Hinta
field-low-threshold = Tuleminen
field-eligibility = Edellytykset
field-age = Ikä
field-schedule = Aukioloajat
field-how-to-get-there = Näin pääset perille
field-funding = Rahoitus
field-accessibility = Saavutettavuus
field-places = Paikkoja vapaana / yhteensä
field-hours-per-week = Työaika
field-part-time = Osa-aikainen
field-starts = Alkaa
field-apply-by = Haku päättyy
field-suits = Sopii erityisesti
yes = Kyllä
no = Ei
yes-low-threshold = Matala kynnys: voit tulla ilman lähetettä tai ajanvarausta
no-referral-needed = Kysy ohjausta järjestöltä tai omalta työhönvalmentajaltasi
cost-ask = Kysy hintaa järjestöltä
language-fi = suomi
language-sv = ruotsi
language-en = englanti
language-ru = venäjä
language-ar = arabia
language-so = somali
language-et = viro
language-uk = ukraina
language-fa = persia
language-selkokieli = selkokieli
error-not-found-title = Sivua ei löytynyt
error-not-found-message = Etsimääsi sivua ei ole tai se on poistettu. Tarkista osoite tai aloita etusivulta.
error-bad-request-title = Virheellinen pyyntö
error-bad-request-message = Osoitteessa oli jotain, mitä emme ymmärtäneet, esimerkiksi tuntematon kunta tai sivunumero. Tarkista osoite tai palaa edelliselle sivulle.
error-internal-title = Jotain meni vikaan
error-internal-message = Palvelussa tapahtui virhe. Yritä hetken päästä uudelleen.
error-unavailable-title = Palvelu ei ole juuri nyt käytettävissä
error-unavailable-message = Yritä hetken päästä uudelleen.
error-forbidden-title = Ei sallittu
error-forbidden-message = Sinulla ei ole oikeutta tähän. Jos oikeuden pitäisi olla, lomake on ehkä ollut auki liian kauan: palaa takaisin, lataa sivu uudelleen ja yritä uudestaan.
error-too-large-title = Liian paljon kerralla
error-too-large-message = Lähettämäsi tieto on suurempi kuin otamme vastaan. Lyhennä sitä ja yritä uudelleen.
error-method-title = Täällä ei ole näytettävää
error-method-message = Tämä osoite ottaa vastaan vain sivujemme lomakkeita. Palaa sivulle, jolta tulit, tai aloita etusivulta.
error-timeout-title = Tämä kesti liian kauan
error-timeout-message = Palvelin ei ehtinyt vastata. Yritä hetken kuluttua uudelleen.
error-back-home = Siirry etusivulle
hsds-taxonomy-target-group = Kolmosen kohderyhmät: kenelle palvelu tai paikka on tarkoitettu.
hsds-taxonomy-topic = Kolmosen aiheet ja kiinnostuksen kohteet.
hsds-taxonomy-opportunity-type = Kolmosen paikkatyypit: työkokeilu, palkkatuki, kuntouttava työtoiminta, vapaaehtoistyö, oppisopimus ja työpaikka.
hsds-taxonomy-service-kind = Toiminta (järjestön oma toiminta) vai palvelu (ostettava palvelu).
hsds-taxonomy-property = Kolmosen lisätiedot, joille HSDS:ssä ei ole omaa kenttää; arvo on attribuutin value-kentässä.
hsds-api-title = Kolmonen – Open Referral HSDS 3.0 -rajapinta

# Search (issue 4)
search-error-title = Tarkista haku
search-error-lang = Kieli voi olla fi, sv tai en.
search-error-type = Tyyppi voi olla palvelu, paikka, järjestö, tapahtuma, hanke tai tietopankin artikkeli.
search-error-near = Emme tunne tätä paikkaa. Kirjoita postinumero (esim. 15140), kunta tai paikkakunta.
search-error-radius = Etäisyyden pitää olla 0–1500 km.
search-error-sort = Järjestys voi olla osuvuus, etäisyys, uusimmat tai hakuaika.
search-error-number = Sivunumeron pitää olla positiivinen kokonaisluku.
search-near-label = Lähellä
search-near-hint = Postinumero tai paikkakunta
search-radius-label = Enintään
search-radius-any = Mikä tahansa etäisyys
search-sort-label = Järjestys
search-sort-relevance = Osuvimmat ensin
search-sort-distance = Lähimmät ensin
search-sort-newest = Uusimmat ensin
search-sort-apply_by = Haku päättyy ensin
search-filters-title = Rajaa hakua
search-facet-chosen = valittu, poista valinta
search-active-filters = Rajaukset
search-remove-filter = Poista rajaus { $filter }
search-unmatched = Sanalle ”{ $word }” ei löytynyt mitään, joten haimme ilman sitä.
search-near-place = Etäisyydet mitataan paikasta { $place }.
search-place-from-words = Haettiin { $radius } km:n säteeltä paikasta { $place }.
search-without-filter = Ilman rajausta { $filter }: { $count ->
    [one] yksi tulos
   *[other] { $count } tulosta
}
search-distance = { $km } km
search-facet-q = Hakusanat
search-facet-near = Lähellä
search-facet-radius_km = Enintään
search-facet-type = Mitä etsit
search-facet-kind = Tarkempi laji
search-kind-activity = Järjestön oma toiminta
search-kind-service = Ostettava palvelu
search-facet-municipality = Kunta
search-facet-region = Maakunta
search-facet-target_group = Kenelle
search-facet-topic = Aihe
search-facet-language = Kieli
search-facet-cost = Hinta
search-facet-part_time = Osa-aikainen
search-facet-accessible = Esteettömyystiedot
search-facet-low_threshold = Matala kynnys
search-facet-open = Vapaita paikkoja
search-type-service = Palvelu tai toiminta
search-type-opportunity = Avoin paikka
search-type-organization = Järjestö
search-type-event = Tapahtuma
search-type-project = Hanke
search-cost-free = Maksuton
search-cost-paid = Maksullinen
search-flag-part_time = Osa-aikainen
search-flag-accessible = Esteettömyystiedot
search-flag-low_threshold = Matala kynnys
search-flag-open = Vapaita paikkoja

## Accounts
account-error-email = Tämä ei ole sähköpostiosoite. Tarkista osoite, esimerkiksi nimi@esimerkki.fi.
account-error-organization-needed = Tämä rooli toimii järjestön puolesta: valitse järjestö.
account-error-no-such-organization = Järjestöä ei löydy. Tarkista tunnus.
account-error-taken = Tällä sähköpostiosoitteella on jo tili.
password-error-short = Salasanassa pitää olla vähintään 8 merkkiä.
password-error-long = Salasanassa voi olla enintään 128 merkkiä.
password-error-common = Tämä on yksi yleisimmistä salasanoista, ja se arvataan helposti. Valitse toinen, esimerkiksi muutaman sanan lause.
password-error-name = Salasanassa ei saa olla järjestön nimeä eikä sähköpostiosoitetta.
password-error-site = Salasanassa ei saa olla palvelun nimeä (Kolmonen). Valitse toinen, esimerkiksi muutaman sanan lause.
password-error-repeated = Salasana ei voi olla yhtä ja samaa merkkiä tai pelkkiä välilyöntejä. Valitse esimerkiksi muutaman sanan lause.

## Kirjautuminen ja oma tili
nav-account = Oma tili
nav-signing-in = Kirjautuminen kesken
nav-cancel-sign-in = Keskeytä
nav-messages-unread = { $count ->
    [0] Viestit
    [one] Viestit (1 uusi)
   *[other] Viestit ({ $count } uutta)
}
nav-login = Kirjaudu
form-error-title = Tarkista nämä
login-title = Kirjaudu sisään
login-email-label = Sähköpostiosoite
login-password-label = Salasana
login-button = Kirjaudu
login-forgot = Unohditko salasanasi?
login-no-account = Eikö sinulla ole vielä tiliä?
login-signup-link = Rekisteröidy
login-error-refused = Sähköpostiosoite tai salasana ei ole oikein. Tarkista ne ja yritä uudelleen.
login-error-unconfirmed = Sähköpostiosoitettasi ei ole vielä vahvistettu. Lähetimme sinulle uuden linkin: avaa se ja kirjaudu sitten.
login-error-throttled = Liian monta yritystä. Turvallisuutesi vuoksi yritä uudelleen { $minutes ->
    [one] minuutin
   *[other] { $minutes } minuutin
} kuluttua.
login-throttled-reset = Jos tili on sinun, pääset sisään heti: vaihda salasana sähköpostiin tulevalla linkillä, niin tämä selain muistetaan eivätkä muiden yritykset enää estä sinua.
login-signed-out = Olet kirjautunut ulos.
logout-button = Kirjaudu ulos
account-title = Oma tili
account-email = Sähköpostiosoite
account-role = Rooli
account-organization = Organisaatio
account-password-title = Vaihda salasana
account-current_password-label = Nykyinen salasana
account-new_password-label = Uusi salasana
account-new_password-hint = Vähintään 8 merkkiä. Muutaman sanan lause on helppo muistaa ja vaikea arvata.
account-password-button = Vaihda salasana
account-password-changed = Salasanasi on vaihdettu. Sinut kirjattiin ulos kaikkialla muualla.
account-delete-title = Poista tili
account-delete-text = Tilisi ja kaikki sen tiedot poistetaan lopullisesti. Tätä ei voi perua.
account-delete_password-label = Salasanasi vahvistukseksi
account-delete-button = Poista tilini
account-deleted = Tilisi on poistettu.
account-error-wrong-password = Salasana ei ole oikein.
role-job_seeker = Työnhakija
role-organization_member = Organisaation jäsen
role-organization_admin = Organisaation pääkäyttäjä
role-network_coordinator = Verkoston koordinaattori
role-platform_admin = Palvelun ylläpitäjä
role-data_protection_officer = Tietosuojavastaava
login-confirmed = Sähköpostiosoitteesi on vahvistettu. Voit nyt kirjautua.
login-reset = Salasanasi on vaihdettu ja sinut kirjattiin ulos kaikkialta. Kirjaudu uudella salasanalla.
signup-title = Rekisteröidy
signup-intro = Tilillä voit pitää omaa profiiliasi ja kertoa kiinnostuksestasi avoimiin paikkoihin. Organisaatiot rekisteröityvät organisaation lomakkeella.
signup-email-label = Sähköpostiosoite
signup-email-hint = Lähetämme tähän osoitteeseen linkin, jolla vahvistat sen omaksesi. Muut eivät näe sitä.
signup-password-label = Salasana
signup-password-hint = Vähintään 8 merkkiä. Muutaman sanan lause on helppo muistaa ja vaikea arvata.
signup-button = Rekisteröidy
signup-have-account = Onko sinulla jo tili?
signup-sent = Kiitos! Katso sähköpostisi: lähetimme linkin, jolla vahvistat osoitteesi. Linkki toimii 48 tuntia. Jos viestiä ei kuulu, katso myös roskapostikansio.
confirm-title = Vahvista sähköpostiosoitteesi
confirm-text = Vahvista painikkeella, että osoite on sinun. Sen jälkeen voit kirjautua.
confirm-button = Vahvista osoitteeni
link-expired-title = Linkki ei enää toimi
account-error-link-expired = Linkki on jo käytetty tai se on vanhentunut. Pyydä uusi: rekisteröidy uudelleen tai vaihda salasana.
reset-title = Unohditko salasanasi?
reset-intro = Kirjoita tilisi sähköpostiosoite. Lähetämme siihen linkin uuden salasanan valitsemiseen; linkki toimii tunnin.
reset-email-label = Sähköpostiosoite
reset-button = Lähetä linkki
reset-sent = Jos osoitteella on tili, lähetimme siihen linkin. Katso sähköpostisi, myös roskapostikansio.
reset-new-title = Valitse uusi salasana
reset-new-button = Tallenna uusi salasana
throttled-title = Liian monta yritystä
throttled-text = Odota { $minutes ->
    [one] minuutti
   *[other] { $minutes } minuuttia
} ja yritä uudelleen.
mail-confirm-subject = Vahvista sähköpostiosoitteesi Kolmoseen
mail-confirm-body = Hei,

    joku (todennäköisesti sinä) rekisteröityi Kolmoseen tällä osoitteella. Vahvista osoite avaamalla tämä linkki:

    { $link }

    Linkki toimii 48 tuntia. Jos et rekisteröitynyt, voit jättää tämän viestin huomiotta.

    Kolmonen
mail-exists-subject = Sinulla on jo tili Kolmosessa
mail-exists-body = Hei,

    joku (todennäköisesti sinä) yritti rekisteröityä Kolmoseen tällä osoitteella, mutta osoitteella on jo tili. Kirjaudu tästä:

    { $link }

    Jos olet unohtanut salasanasi, valitse sivulla "Unohditko salasanasi?". Jos se et ollut sinä, voit jättää tämän viestin huomiotta.

    Kolmonen
mail-reset-subject = Uusi salasana Kolmoseen
mail-reset-body = Hei,

    joku (todennäköisesti sinä) pyysi uutta salasanaa tämän osoitteen Kolmonen-tilille. Valitse uusi salasana tästä:

    { $link }

    Linkki toimii tunnin ja kerran. Jos et pyytänyt sitä, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.

    Kolmonen
form-choose = Valitse…
form-save = Tallenna
form-saved = Tallennettu. Muutokset näkyvät haussa heti.
deleted-user = poistettu käyttäjä
account-register-link = Rekisteröi organisaatiosi
account-edit-organization = Muokkaa organisaatiosi profiilia
account-queue-link = Vahvistusta odottavat organisaatiot
register-title = Rekisteröi organisaatio
register-intro = Yksi lomake kaikille yhdistyksille, säätiöille, osuuskunnille ja yhteiskunnallisille yrityksille. Rekisteröitymisen jälkeen voit lisätä palvelusi ja avoimet paikkasi; koordinaattori vahvistaa organisaation.
register-name-label = Organisaation nimi
register-legal_form-label = Tyyppi
register-business_id-label = Y-tunnus
register-business_id-hint = Esimerkiksi 0737546-2. Jätä tyhjäksi, jos organisaatiolla ei ole Y-tunnusta.
register-contact_name-label = Yhteyshenkilö
register-contact_name-hint = Näkyy vain organisaation vahvistaville koordinaattoreille.
register-municipality-label = Kotikunta
register-description-label = Mitä organisaatio tekee
register-description-hint = Muutama lause: mitä teette, kenelle ja missä. Ruotsin- ja englanninkielisen kuvauksen voit lisätä myöhemmin.
register-button = Rekisteröi
register-done = Organisaatio on rekisteröity ja olet sen pääkäyttäjä. Täydennä profiili; koordinaattori vahvistaa organisaation.
register-done-second-factor = Organisaatio on rekisteröity, ja olet sen pääkäyttäjä. Koska ylläpidät nyt sen tietoja, otat ensin käyttöön toisen tunnistautumisen. Sen jälkeen täydennät profiilin, ja Kolmosen koordinaattori vahvistaa organisaation.
register-has-organization = Tilisi toimii jo yhden organisaation puolesta. Rekisteröi toinen organisaatio toisella sähköpostiosoitteella.
register-same-business-id-text = Tällä Y-tunnuksella on jo organisaatio Kolmosessa. Pyydä sen pääkäyttäjää kutsumaan sinut:
register-similar-text = Kolmosessa on jo samannimisiä organisaatioita. Onko omasi joku näistä? Jos on, pyydä sen pääkäyttäjää kutsumaan sinut.
register-different-label = Organisaationi ei ole mikään näistä: rekisteröi se
register-error-name = Anna organisaation nimi (vähintään 2 merkkiä).
register-error-name-long = Nimessä voi olla enintään 200 merkkiä.
register-error-legal-form = Valitse organisaation tyyppi.
register-error-business-id-format = Y-tunnuksessa on seitsemän numeroa, väliviiva ja tarkistusnumero, esimerkiksi 0737546-2.
register-error-business-id-check = Y-tunnuksen tarkistusnumero ei täsmää. Tarkista tunnus.
register-error-contact = Anna yhteyshenkilö.
register-error-contact-long = Yhteyshenkilön nimessä voi olla enintään 100 merkkiä.
register-error-municipality = Valitse kotikunta.
register-error-description = Kerro vähintään 20 merkillä, mitä organisaatio tekee.
register-error-description-long = Kuvauksessa voi olla enintään 4 000 merkkiä.
register-error-same-business-id = Tämä Y-tunnus kuuluu jo Kolmosessa olevalle organisaatiolle.
queue-title = Vahvistusta odottavat organisaatiot
queue-verified = Organisaatio on vahvistettu.
queue-empty = Yksikään organisaatio ei odota.
queue-registered = Rekisteröity
queue-verify-button = Vahvista
profile-title = Muokkaa profiilia
profile-not-verified = Ei vielä vahvistettu: koordinaattori tarkistaa organisaation.
profile-name-label = Organisaation nimi
profile-legal_form-label = Tyyppi
profile-business_id-label = Y-tunnus
profile-description_fi-label = Mitä organisaatio tekee, suomeksi
profile-description_sv-label = Ruotsiksi
profile-description_en-label = Englanniksi
profile-website-label = Verkkosivut
profile-website-hint = Alkaa https://
profile-email-label = Julkinen sähköpostiosoite
profile-phone-label = Puhelin
profile-error-website = Anna verkko-osoite, joka alkaa https:// tai http://.
profile-error-phone = Anna puhelinnumero numeroina, esimerkiksi 040 123 4567.
history-title = Muutoshistoria
history-empty = Ei vielä muutoksia.
history-kind-organization = Profiili
history-kind-service = Palvelu
history-kind-opportunity = Paikka
history-kind-location = Toimipaikka
field-name = Nimi
field-description-fi = Kuvaus (fi)
field-description-sv = Kuvaus (sv)
field-description-en = Kuvaus (en)
edit-error-one-line = Kirjoita tämä yhdelle riville ilman rivinvaihtoja, ohjausmerkkejä tai näkymättömiä merkkejä.
edit-error-too-long = Tämä on liian pitkä. Lyhennä sitä.
edit-error-unknown-choice = Valitse listasta.
edit-error-name = Anna nimi suomeksi (vähintään 2 merkkiä).
edit-error-description = Kuvaa suomeksi vähintään 10 merkillä.
edit-error-kind = Valitse yksi.
edit-error-places-free = Vapaita paikkoja ei voi olla enemmän kuin paikkoja kaikkiaan.
edit-error-number = Anna kokonaisluku väliltä 0–1 000.
edit-error-hours = Anna tunnit viikossa kokonaislukuna väliltä 1–60 tai jätä tyhjäksi.
edit-error-date = Anna päivämäärä muodossa päivä.kuukausi.vuosi, esimerkiksi 7.1.2027.
edit-error-no-such-date = Tätä päivää ei ole kalenterissa. Tarkista päivä, kuukausi ja vuosi (vuodet 2000–2100), esimerkiksi 7.1.2027.
edit-warning-apply-by-past = Hakuaika on jo päättynyt, joten paikka näkyy kaikkialla suljettuna. Jos haku jatkuu, vaihda hakuajaksi tuleva päivä.
desk-title = Organisaatiosi työpöytä
desk-new-service = Lisää palvelu tai toiminta
desk-new-opportunity = Lisää avoin paikka
desk-edit-service = Muokkaa palvelua
desk-edit-opportunity = Muokkaa avointa paikkaa
desk-public-page = Julkinen sivu
desk-profile = Profiili
desk-records = Palvelut ja avoimet paikat
desk-empty = Ei vielä mitään. Lisää ensimmäinen palvelu tai avoin paikka.
desk-edit = Muokkaa
desk-confirm-button = Ajan tasalla
desk-confirmed = Kiitos! Merkitty tänään tarkistetuksi.
account-desk-link = Organisaatiosi palvelut ja avoimet paikat
edit-none = Ei mikään
edit-name_fi-label = Nimi suomeksi
edit-name_sv-label = Nimi ruotsiksi
edit-name_en-label = Nimi englanniksi
edit-title_fi-label = Otsikko suomeksi
edit-title_sv-label = Otsikko ruotsiksi
edit-title_en-label = Otsikko englanniksi
edit-description_fi-label = Kuvaus suomeksi
edit-description_sv-label = Kuvaus ruotsiksi
edit-description_en-label = Kuvaus englanniksi
edit-kind-label = Laji
edit-schedule-label = Aukioloajat
edit-schedule-hint = Esimerkiksi: ma–to 9–15
edit-free-label = Maksuton
edit-low_threshold-label = Matala kynnys: tule sellaisena kuin olet, ei lähetettä
edit-topics-label = Aiheet
edit-target_groups-label = Kenelle
edit-locations-label = Missä
edit-locations-hint = Palvelu löytyy niiden kuntien sivuilta ja kuntahaulla, joissa sen toimipaikat ovat.
edit-locations-add = Organisaatiollasi ei ole vielä toimipaikkoja: lisää toimipaikka
edit-warning-no-place = Palvelulla ei ole toimipaikkaa, joten se ei näy millään kuntasivulla eikä kuntahaussa. Valitse sille toimipaikka.
edit-status-label = Tila
edit-places_total-label = Paikkoja kaikkiaan
edit-places_free-label = Vapaita paikkoja
edit-places_free-hint = Kun vapaita paikkoja ei ole, paikka näytetään täytenä.
edit-hours_per_week-label = Tunteja viikossa
edit-starts_on-label = Alkaa
edit-starts_on-hint = Esimerkiksi 7.1.2027 (päivä.kuukausi.vuosi).
edit-apply_by-label = Hae viimeistään
edit-apply_by-hint = Viimeinen hakupäivä, esimerkiksi 7.1.2027. Sen jälkeen paikka näkyy suljettuna.
edit-how_to_apply-label = Näin haet
edit-location-label = Toimipaikka
edit-location-none-hint = Organisaatiollasi ei ole vielä toimipaikkoja. Lisää toimipaikka työpöydältä, niin voit valita sen tähän.
edit-service-label = Osa palvelua
edit-part_time-label = Osa-aikainen
field-name-fi = Nimi (fi)
field-name-sv = Nimi (sv)
field-name-en = Nimi (en)
field-title-fi = Otsikko (fi)
field-title-sv = Otsikko (sv)
field-title-en = Otsikko (en)
field-kind = Laji
field-free = Maksuton
field-locations = Toimipaikat
field-location = Toimipaikka
field-service = Palvelu
field-status = Tila
field-places-total = Paikkoja kaikkiaan
field-places-free = Vapaita paikkoja
field-starts-on = Alkaa
field-how-to-apply = Näin haet
field-last-verified-at = Tarkistettu
second-factor-title = Kirjoita koodi sovelluksesta
second-factor-text = Avaa todennussovellus ja kirjoita sen Kolmoselle näyttämä kuusinumeroinen koodi. Jos puhelimesi on kadonnut, kirjoita yksi varakoodeistasi.
second-factor-setup-title = Ota todennussovellus käyttöön
second-factor-setup-text = Salasanan lisäksi kirjaudut jatkossa todennussovelluksen (esimerkiksi Google Authenticator, Microsoft Authenticator tai FreeOTP) koodilla, jotta kukaan ei pääse tilillesi pelkällä salasanalla. Skannaa tämä koodi sovelluksella:
second-factor-qr-label = QR-koodi skannattavaksi todennussovelluksella
second-factor-secret-text = Tai kirjoita tämä avain sovellukseen:
second-factor-open-app = Avaa tämän laitteen todennussovelluksessa
second-factor-code-label = Koodi
second-factor-code-hint = Kuusi numeroa tai varakoodi
second-factor-button = Jatka
second-factor-error = Koodi ei ole oikein tai se on jo käytetty. Kirjoita koodi, jonka sovellus näyttää nyt.
recovery-title = Tallenna varakoodisi
recovery-text = Jos puhelimesi katoaa, jokainen näistä koodeista kirjaa sinut kerran sisään sovelluksen sijaan. Tallenna ne nyt turvalliseen paikkaan: ne näytetään vain tämän kerran.
recovery-continue = Tallensin ne: siirry omalle tilille
report-link = Ilmoita virheestä näissä tiedoissa
report-title = Ilmoita virheestä
report-intro = Kerro, mikä on väärin tai vanhentunut. Organisaatio ja verkoston koordinaattorit näkevät viestisi. Et tarvitse tiliä.
report-message-label = Mikä on väärin?
report-message-hint = Esimerkiksi: aukioloajat ovat muuttuneet, puhelinnumero ei vastaa.
report-contact_email-label = Sähköpostiosoitteesi (jos haluat vastauksen)
report-contact_email-hint = Vapaaehtoinen. Käytetään vain vastaamiseen ja poistetaan, kun ilmoitus on käsitelty.
report-button = Lähetä
report-sent = Kiitos! Ilmoituksesi lähti organisaatiolle ja koordinaattoreille.
report-error-message = Kerro vähintään 10 merkillä, mikä on väärin.
reports-title = Ilmoitetut virheet
reports-open = Ilmoitetut virheet
reports-empty = Ei avoimia ilmoituksia.
reports-record = Tieto
reports-contact = Vastausosoite
reports-resolve-button = Käsitelty
reports-resolved = Merkitty käsitellyksi.
members-title = Jäsenet
members-invite-title = Kutsu jäsen
members-invite-text = Lähetämme henkilölle linkin. Hän kirjautuu (tai rekisteröityy) tällä osoitteella ja hyväksyy kutsun; sen jälkeen hän voi muokata palveluitanne ja avoimia paikkojanne.
members-email-label = Sähköpostiosoite
members-invite-button = Lähetä kutsu
members-invited = Kutsu lähetettiin. Linkki toimii viikon.
members-error-already = Tällä osoitteella on jo tili tässä organisaatiossa: kutsua ei tarvita.
members-error-unverified = Kutsuja voi lähettää, kun Kolmosen koordinaattori on vahvistanut organisaation.
members-remove-button = Poista
members-removed = Jäsen poistettiin ja kirjattiin ulos.
invite-title = Liity: { $organization }
invite-text = Sinut on kutsuttu organisaation { $organization } jäseneksi osoitteella { $email }.
invite-sign-in-first = Sinut on kutsuttu organisaation { $organization } jäseneksi. Kirjaudu osoitteella { $email } (tai rekisteröidy sillä ensin) ja avaa tämä linkki uudelleen.
invite-button = Liity jäseneksi
invite-expired = Kutsu on jo käytetty tai vanhentunut. Pyydä organisaation pääkäyttäjältä uusi.
invite-refused-title = Kutsua ei voi hyväksyä
invite-other-address = Kutsu lähetettiin toiseen sähköpostiosoitteeseen. Kirjaudu osoitteella, johon kutsu lähetettiin.
mail-invite-subject = Kutsu: { $organization } Kolmosessa
mail-invite-body = Hei,

    sinut on kutsuttu organisaation { $organization } jäseneksi Kolmoseen, jossa organisaatiot pitävät palvelunsa ja avoimet paikkansa ajan tasalla. Hyväksy kutsu tästä:

    { $link }

    Linkki toimii viikon. Jos et tunne organisaatiota, voit jättää viestin huomiotta.

    Kolmonen
mail-freshness-subject = Tarkistathan tietonne Kolmosessa
mail-freshness-body = Hei,

    organisaation { $organization } { $count ->
        [one] yhtä tietoa
       *[other] { $count } tietoa
    } ei ole vahvistettu Kolmosessa puoleen vuoteen. Tarkistathan, että kaikki pitää yhä paikkansa, ja paina "Ajan tasalla" (tai muokkaa):

    { $link }

    Vuoden ilman vahvistusta olleet tiedot merkitään haussa vanhentuneiksi.

    Kolmonen
mail-stale-subject = Tietonne on merkitty vanhentuneiksi Kolmosessa
mail-stale-body = Hei,

    organisaation { $organization } { $count ->
        [one] yhtä tietoa
       *[other] { $count } tietoa
    } ei ole vahvistettu Kolmosessa vuoteen, ja ne näkyvät nyt haussa vanhentuneina. Vahvistaminen on yksi klikkaus:

    { $link }

    Kolmonen
desk-new-location = Lisää toimipaikka
desk-edit-location = Muokkaa toimipaikkaa
desk-places = Toimipaikat
desk-no-places = Ei vielä toimipaikkoja. Lisää osoite, johon ihmiset tulevat, niin haku osaa kertoa etäisyyden.
edit-place-name-label = Paikan nimi (jos sillä on nimi)
edit-street-label = Katuosoite
edit-postal_code-label = Postinumero
edit-postal_code-hint = Viisi numeroa. Kunta päätellään siitä.
edit-accessibility-label = Esteettömyys
edit-accessibility-hint = Esimerkiksi: kynnyksetön sisäänkäynti, hissi, esteetön wc.
place-error-street = Anna katuosoite.
place-error-postal-code = Anna suomalainen viisinumeroinen postinumero, esimerkiksi 15140.
field-street = Katuosoite
field-postal-code = Postinumero
account-email-title = Vaihda sähköpostiosoite
account-new_email-label = Uusi sähköpostiosoite
account-new_email-hint = Lähetämme linkin uuteen osoitteeseen; vaihto tapahtuu, kun avaat sen.
account-email_password-label = Salasanasi vahvistukseksi
account-email-button = Vaihda osoite
account-email-sent = Katso uuden osoitteen sähköposti: lähetimme sinne linkin. Vaihto tapahtuu, kun avaat linkin; siihen asti vanha osoitteesi pysyy.
login-email-changed = Sähköpostiosoitteesi on vaihdettu ja sinut kirjattiin ulos kaikkialta. Kirjaudu uudella osoitteella.
confirm-email-title = Vahvista uusi sähköpostiosoitteesi
confirm-email-text = Siirrä tilisi tähän osoitteeseen painikkeella. Sinut kirjataan ulos kaikkialta, ja kirjaudut uudella osoitteella.
mail-new-email-subject = Vahvista uusi sähköpostiosoitteesi Kolmoseen
mail-new-email-body = Hei,

    joku (todennäköisesti sinä) pyysi siirtämään Kolmonen-tilin tähän osoitteeseen. Vahvista avaamalla tämä linkki:

    { $link }

    Linkki toimii 48 tuntia. Jos se et ollut sinä, voit jättää viestin huomiotta.

    Kolmonen
mail-email-changing-subject = Kolmonen-tilisi osoitetta ollaan vaihtamassa
mail-email-changing-body = Hei,

    Kolmonen-tilillesi kirjautunut pyysi siirtämään tilin toiseen sähköpostiosoitteeseen. Vaihto tapahtuu vasta, kun uuteen osoitteeseen lähetetty linkki avataan.

    Jos se et ollut sinä, kirjaudu ja vaihda salasanasi heti: { $link }

    Kolmonen
home-join-how = Rekisteröidy sähköpostiosoitteellasi ja rekisteröi sitten organisaatiosi yhdellä lomakkeella. Koordinaattori vahvistaa sen.
account-second-factor-title = Kaksivaiheinen tunnistautuminen
account-second-factor-on = Kirjaudut todennussovelluksen koodilla salasanan lisäksi.
account-second-factor-text = Salasanan lisäksi kysytään puhelimesi todennussovelluksen koodi. Otat sovelluksen käyttöön seuraavalla sivulla; kirjaudut sitä ennen hetkeksi ulos. Kukaan ei pääse tilillesi pelkällä salasanalla.
account-second_factor_password-label = Salasanasi vahvistukseksi
account-second-factor-button = Ota käyttöön
account-sessions-title = Missä olet kirjautuneena
account-session-started = Kirjauduttu
account-session-used = käytetty viimeksi
account-session-this = tämä selain
account-sessions_password-label = Salasanasi vahvistukseksi
account-sessions-button = Kirjaudu ulos kaikkialta muualta
account-sessions-ended = Sinut kirjattiin ulos kaikkialta muualta.

## People: own profile, matches, audit (issue 6)
language-ku = kurdi
language-sq = albania
language-vi = vietnam
language-th = thai
language-zh = kiina
language-es = espanja
language-fr = ranska
language-de = saksa
language-tr = turkki
language-pl = puola
language-se = saame
nav-me = Oma profiili
nav-matches = Sinulle sopivat paikat
nav-messages = Viestit
nav-saved-searches = Tallennetut haut
person-title = Oma profiili
person-intro = Kerro osaamisestasi ja toiveistasi. Päätät itse, kuka profiilisi näkee. Sähköpostiosoitettasi ei näytetä kenellekään: järjestöt ottavat yhteyttä Kolmosen viesteillä.
person-not-saved = Profiiliasi ei ole vielä tallennettu.
person-back = Takaisin omaan profiiliin
person-anonymous = Nimetön työnhakija
person-visibility-label = Kuka profiilisi näkee
visibility-private = Vain minä
visibility-private-hint = Profiilisi ei näy haussa eikä kenellekään muulle. Kun ilmoitat kiinnostuksesi paikkaan, se järjestö saa profiilisi.
visibility-organizations = Varmennetut järjestöt
visibility-organizations-hint = Varmennettujen järjestöjen kirjautuneet työntekijät löytävät profiilisi osaajahausta.
visibility-public = Kaikki
visibility-public-hint = Kuka tahansa voi nähdä profiilisi. Yhteystietojasi ei näytetä koskaan.
person-display_name-label = Nimi tai nimimerkki (vapaaehtoinen)
person-display_name-hint = Esimerkiksi etunimesi. Voit jättää tyhjäksi.
person-introduction-label = Lyhyt esittely
person-introduction-hint = Mitä osaat, mikä sinua kiinnostaa, millaista työtä etsit. Enintään 2 000 merkkiä.
person-municipality-label = Kotikunta
person-municipality-none = Ei valittu
person-travel_km-label = Kuinka kauas voit kulkea (km)
person-travel_km-hint = Paikat tätä kauempana eivät tule ehdotuksiisi. Jätä tyhjäksi, jos et halua rajata.
person-skills-title = Osaaminen
person-skills-hint = Valitse taidot ryhmistä. Avaa ryhmä napsauttamalla sen nimeä.
person-skills-label = Taidot
person-free_skills-label = Muut taidot omin sanoin
person-free_skills-hint = Erota pilkulla, esimerkiksi: hevosten kengitys, kuorolaulu. Enintään 10.
person-wishes-title = Toiveet
person-interests-label = Mikä sinua kiinnostaa
person-kinds-label = Millaista paikkaa etsit
person-languages-label = Kielet, joita puhut
person-availability-title = Saatavuus
person-hours_per_week-label = Tunteja viikossa enintään
person-hours_per_week-hint = Kokonaisluku 1–60. Jätä tyhjäksi, jos et halua rajata.
person-available_from-label = Voin aloittaa alkaen
person-available_from-hint = Esimerkiksi 7.1.2027 (päivä.kuukausi.vuosi).
person-age_band-label = Ikäryhmä (vapaaehtoinen)
person-age_band-hint = Tallennamme vain ikäryhmän, emme syntymäaikaa.
person-age-band-none = En halua kertoa
age-band-under-25 = alle 25 vuotta
age-band-25-29 = 25–29 vuotta
age-band-30-39 = 30–39 vuotta
age-band-40-49 = 40–49 vuotta
age-band-50-57 = 50–57 vuotta
age-band-58-plus = 58 vuotta tai yli
person-part_time-label = Etsin osa-aikaista
person-pool_58-label = Mukaan 58+-osaajapooliin (kokeneet 58 vuotta täyttäneet)
person-expert_by_experience-label = Olen käytettävissä kokemusasiantuntijana
person-export-title = Lataa tietosi
person-export-text = Kaikki, mitä olet kirjoittanut ja mitä sinusta on tallennettu, yhtenä JSON-tiedostona.
person-export-button = Lataa tietoni (JSON)
person-delete-title = Poista tietosi pysyvästi
person-delete-text = Tili, profiili, tallennetut haut, katselutiedot sekä asiakastietosi, suostumuksesi ja lähetteesi poistetaan heti eikä niitä voi palauttaa. Järjestöille jääneissä viesteissä näkyy ”poistettu käyttäjä”. Vain tietojesi käsittelyloki säilyy, koska käsittely on voitava osoittaa jälkikäteen: siinä sinun tilallasi on tunniste, josta sinua ei voi tunnistaa.
person-delete-button = Poista kaikki tietoni
person-delete_password-label = Salasana
person-error-too-many-skills = Valitse enintään 40 taitoa.
person-error-free-skills = Kirjoita enintään 10 taitoa, kukin enintään 60 merkkiä.
person-error-travel = Anna matka kilometreinä kokonaislukuna väliltä 0–300 tai jätä tyhjäksi.
person-error-pool-58 = 58+-pooliin voi liittyä, kun ikäryhmäksi on valittu 58 vuotta tai yli.
person-error-message = Kirjoita viesti (enintään 4 000 merkkiä).
matches-title = Sinulle sopivat paikat
matches-no-profile = Et ole vielä täyttänyt profiiliasi, joten ehdotuksia ei ole.
matches-fill-profile = Täytä profiili
matches-edit-profile = Muokkaa toiveitasi
matches-count = { $count ->
    [one] 1 avoin paikka sopii sinulle.
   *[other] { $count } avointa paikkaa sopii sinulle.
}
matches-none = Nyt ei löytynyt sopivia avoimia paikkoja. Lisää kiinnostuksen kohteita tai taitoja, tai kasvata matkaa.
matches-why = Miksi tämä sopii:
matches-hide = Piilota ehdotus
matches-hidden-count = { $count ->
    [one] Olet piilottanut 1 ehdotuksen.
   *[other] Olet piilottanut { $count } ehdotusta.
}
matches-unhide = Näytä piilotetut uudelleen
matches-hidden-done = Ehdotus piilotettu.
matches-shown-done = Piilotetut ehdotukset näkyvät taas.
match-reason-interest = Vastaa kiinnostustasi: { $topics }
match-reason-skill = Käyttää osaamistasi: { $skill }
match-reason-kind = { $kind }, kuten toivoit
match-reason-same-place = Kotikunnassasi
match-reason-distance = Noin { $km } km kotikuntasi keskustasta
match-reason-part-time-hours = Osa-aikainen, { $hours } h/viikko
match-reason-hours = { $hours } h/viikko
match-reason-too-many-hours = Huom: { $hours } h/viikko, enemmän kuin ilmoittamasi { $yours } h
match-reason-part-time = Osa-aikainen
match-reason-starts-now = Voi aloittaa heti
match-reason-starts-this-month = Alkaa tässä kuussa
match-reason-starts-next-month = Alkaa ensi kuussa
match-reason-starts-on = Alkaa { $date }
match-reason-group-seniors-58 = Tarkoitettu 58 vuotta täyttäneille
match-reason-group-young-people = Tarkoitettu nuorille
fit-reason-interest = Kiinnostunut: { $topics }
fit-reason-skill = Osaa: { $skill }
fit-reason-kind = Etsii: { $kind }
fit-reason-same-place = Asuu samassa kunnassa
fit-reason-distance = Kotikunnan keskusta noin { $km } km päässä
fit-reason-part-time-hours = Voi tehdä { $hours } h/viikko, etsii osa-aikaista
fit-reason-hours = Voi tehdä { $hours } h/viikko
fit-reason-too-many-hours = Huom: voi tehdä { $yours } h/viikko, paikassa { $hours } h
fit-reason-part-time = Etsii osa-aikaista
fit-reason-starts-now = Voi aloittaa heti
fit-reason-starts-this-month = Voi aloittaa tässä kuussa
fit-reason-starts-next-month = Voi aloittaa ensi kuussa
fit-reason-starts-on = Voi aloittaa { $date }
fit-reason-group-seniors-58 = 58 vuotta täyttänyt
fit-reason-group-young-people = Nuori
audit-title = Kuka on katsonut tietojani
audit-intro = Aina kun järjestön työntekijä näkee profiilisi osaajahaussa, avaa sen tai viestiketjun, tai lukee lähetteesi, suostumuksesi tai polkusi, siitä jää merkintä tähän.
audit-none = Kukaan järjestö ei ole vielä katsonut profiiliasi.
audit-when = Milloin
audit-who = Järjestö
audit-what = Missä
audit-unknown-organization = Poistettu järjestö
audit-context-talent = Osaajahaun tuloksissa
audit-context-profile = Avasi profiilisi
audit-context-thread = Viestiketjussa
audit-context-fit = Sopivien ihmisten listassa paikkaan
audit-context-portfolio = Avasi portfoliosi tiedoston
interest-title = Kiinnostaako tämä paikka?
interest-already = Olet jo ilmoittanut kiinnostuksesi.
interest-open-thread = Avaa viestiketju
interest-sign-in = Kirjaudu sisään tai luo tili, niin voit ilmoittaa kiinnostuksesi.
interest-signup = Luo tili
interest-text = Järjestö saa profiilisi sellaisena kuin olet sen tallentanut, ja voitte jatkaa viesteillä Kolmosessa. Sähköpostiosoitettasi ei näytetä.
interest-message-label = Viesti järjestölle (vapaaehtoinen)
interest-message-hint = Esimerkiksi milloin voisit aloittaa. Enintään 4 000 merkkiä.
interest-no-profile = Et ole vielä tallentanut profiilia, joten järjestö näkee vain viestisi. Kerro viestissä itsestäsi tai tallenna ensin profiili.
interest-make-profile = Tee profiili
interest-button = Olen kiinnostunut
interest-closed-title = Haku ei ole auki
interest-closed-text = Tähän paikkaan ei voi nyt ilmoittaa kiinnostusta: haku on päättynyt tai paikat on täytetty. Katso muita avoimia paikkoja.
interest-staff-title = Kiinnostusta ilmoitetaan työnhakijan tililtä
interest-staff-text = Olet kirjautunut järjestön tilillä. Järjestöjen työntekijät eivät voi ilmoittaa kiinnostusta paikkoihin; työnhakija ilmoittaa sen omalla tilillään.
thread-mail-body = Sinulle on uutta Kolmosessa. Lue se täältä (kirjaudu ensin sisään):
    { $link }
thread-mail-interest = Kolmonen: uusi kiinnostunut paikkaanne
thread-mail-message = Kolmonen: uusi viesti
thread-mail-status = Kolmonen: kiinnostuksesi tila muuttui
thread-sent = Lähetetty.
interest-sent-next = Kiinnostuksesi on lähetetty. Sen lukevat järjestön työntekijät, jotka hoitavat tämän paikan hakuja; vastaus tulee yleensä muutaman arkipäivän kuluessa. Vastaukset näkyvät tässä keskustelussa ja Viestit-sivulla, ja saat niistä ilmoituksen sähköpostiisi.
thread-status-saved = Tila tallennettu. Henkilö näkee sen.
thread-deleted-user = Poistettu käyttäjä
thread-you = Sinä
thread-status-new = Uusi
thread-status-contacted = Yhteyttä otettu
thread-status-agreed = Sovittu
thread-status-not_this_time = Ei tällä kertaa
thread-title-person = Viestit: { $organization }
thread-title-organization = Viestit: { $person }
thread-about = Paikka
thread-no-opportunity = Ei tiettyä paikkaa
thread-organization = Järjestö
thread-status = Tila
thread-person-deleted = Henkilö on poistanut tietonsa. Viestit säilyvät, mutta niihin ei voi enää vastata.
thread-shared-person = Mitä jaoit järjestölle
thread-shared-organization = Henkilön jakama profiili
thread-no-profile = Henkilöllä ei ollut tallennettua profiilia.
thread-messages = Viestit
thread-no-messages = Ei vielä viestejä.
thread-reply-label = Kirjoita viesti
thread-reply-hint = Viesti jää Kolmoseen. Toinen osapuoli saa sähköpostiinsa vain ilmoituksen.
thread-send = Lähetä
thread-status-title = Kiinnostuksen tila
thread-status-legend = Merkitse tila (henkilö näkee sen)
thread-status-button = Tallenna tila
thread-error-deleted = Henkilö on poistanut tietonsa, joten viestiä ei voi lähettää.
threads-title-person = Viestit
threads-intro-person = Paikat, joista olet kiinnostunut, ja järjestöjen viestit sinulle.
threads-title-organization = Kiinnostuneet: { $organization }
threads-intro-organization = Ihmiset, jotka ovat kiinnostuneita paikoistanne, ja viestit, jotka olette lähettäneet osaajahaun kautta.
threads-none = Ei vielä viestiketjuja.
threads-with = Kenen kanssa
threads-latest = Viimeksi
person-pool-58-badge = 58+-osaajapooli
person-expert-badge = Kokemusasiantuntija
nav-talent = Osaajahaku
talent-title = Osaajahaku
talent-intro = Työnhakijat, jotka ovat antaneet varmennettujen järjestöjen nähdä profiilinsa. Jokainen profiilin näkeminen kirjataan, ja henkilö näkee, mikä järjestö sen on katsonut. Yhteyttä otetaan Kolmosen viesteillä.
talent-for-opportunity = Sopivimmat ensin paikkaan:
talent-refused-title = Osaajahaku on varmennettujen järjestöjen työntekijöille
talent-refused-text = Osaajahakua voivat käyttää varmennettujen järjestöjen jäsenet ja ylläpitäjät. Jos järjestösi on rekisteröity mutta ei vielä varmennettu, verkoston koordinaattori varmentaa sen.
talent-q-label = Hakusanat
talent-q-hint = Esimerkiksi taito tai sana esittelystä: ruoanlaitto, polkupyörä.
talent-skill-label = Taito
talent-interest-label = Kiinnostuksen kohde
talent-municipality-label = Kotikunta
talent-near-label = Lähellä paikkaa
talent-near-hint = Postinumero tai paikkakunta.
talent-radius_km-label = Etäisyys enintään (km)
talent-min_hours-label = Tunteja viikossa vähintään
talent-any = Kaikki
talent-available_now-label = Voi aloittaa nyt
talent-pool_58-label = 58+-osaajapooli
talent-expert-label = Kokemusasiantuntijat
talent-search = Hae
talent-why = Miksi sopii:
talent-count = { $count ->
    [0] Ei osumia.
    [one] 1 henkilö
   *[other] { $count } henkilöä
}
person-page-note = Yhteystietoja ei näytetä koskaan. Järjestöt voivat lähettää viestin Kolmosessa.
person-contact-title = Lähetä viesti
person-contact-text = Viesti jää Kolmoseen, ja henkilö saa sähköpostiinsa ilmoituksen. Et näe hänen sähköpostiosoitettaan, eikä hän näe sinun.
person-contact-place = Mihin paikkaan viesti liittyy
nav-interests = Kiinnostuneet ja viestit
desk-fit = Sopivat ihmiset tähän paikkaan
person-demo-label = Esimerkki
person-demo-value = Keksitty esimerkkiprofiili (demo), ei oikea henkilö
alerts-title = Tallennetut haut
alerts-intro = Saat kerran päivässä sähköpostiisi uudet avoimet paikat, jotka vastaavat tallennettua hakua. Jokaisessa viestissä on linkki, jolla ilmoitukset loppuvat ilman kirjautumista.
alerts-none = Sinulla ei ole tallennettuja hakuja. Tee haku ja valitse ”Tallenna haku”.
alerts-go-search = Siirry hakuun
alerts-delete = Poista
alerts-saved = Haku tallennettu. Saat ilmoituksen, kun uusia paikkoja tulee.
alerts-deleted = Haku poistettu.
alerts-save-button = Tallenna haku ja saa uudet paikat sähköpostiin
alerts-everything = Kaikki avoimet paikat
alerts-error-query = Hakua ei voitu tallentaa. Tee haku uudelleen ja yritä sitten.
alerts-error-too-many = Voit tallentaa enintään 20 hakua. Poista ensin jokin vanha.
alerts-unsubscribe-title = Lopeta hakuilmoitukset
alerts-unsubscribe-text = Tämän haun ilmoitukset loppuvat, kun painat painiketta. Kirjautumista ei tarvita.
alerts-unsubscribe-button = Lopeta ilmoitukset
alerts-unsubscribed = Ilmoitukset on lopetettu. Et saa tästä hausta enää sähköpostia.
alerts-mail-subject = { $count ->
    [one] Kolmonen: 1 uusi paikka hakuusi
   *[other] Kolmonen: { $count } uutta paikkaa hakuusi
}
alerts-mail-body = Tallentamaasi hakuun on tullut uusia avoimia paikkoja:

    { $list }

    Koko haku: { $link }

    Lopeta tämän haun ilmoitukset: { $unsubscribe }
portfolio-title = Omat työt
portfolio-intro = Voit lisätä enintään 6 kuvaa tai PDF-tiedostoa omista töistäsi. Ne näkyvät niille, jotka näkevät profiilisi, ja järjestöille, joihin olet ilmoittanut kiinnostuksesi.
portfolio-caption-label = Kuvateksti
portfolio-caption-hint = Mitä kuvassa tai tiedostossa on, esimerkiksi ”Kutomani räsymatto”. Enintään 200 merkkiä.
portfolio-file-label = Tiedosto
portfolio-file-hint = PNG- tai JPEG-kuva tai PDF, enintään 900 kt.
portfolio-upload = Lisää
portfolio-pdf = PDF
portfolio-error-full = Sinulla on jo 6 työtä. Poista jokin ennen kuin lisäät uuden.
portfolio-error-file = Valitse tiedosto.
portfolio-error-size = Tiedosto on liian suuri. Enintään 900 kt.
portfolio-error-type = Vain PNG- ja JPEG-kuvat sekä PDF-tiedostot käyvät.
portfolio-error-caption = Kirjoita kuvateksti (enintään 200 merkkiä).
person-as-others-see = Katso profiiliasi niin kuin muut sen näkevät
fact-skills = Osaaminen
fact-interests = Kiinnostuksen kohteet
fact-kinds = Etsii
fact-languages = Kielet
fact-municipality = Kotikunta
fact-travel = Voi kulkea (km)
fact-hours = Tunteja viikossa enintään
fact-part-time = Etsii osa-aikaista
fact-available = Voi aloittaa

## A result list to take along (issue 16)
share-title = Vie lista mukanasi
share-link-label = Linkki tähän listaan
share-copy = Kopioi linkki
share-copied = Linkki kopioitu.
share-csv = Lataa koko lista CSV-tiedostona (enintään 1 000 riviä)
csv-kind = Laji
csv-name = Nimi
csv-organization = Järjestäjä
csv-place = Kunta
csv-link = Linkki
csv-checked = Tarkistettu

## Privacy notice (GDPR art. 13) and accessibility statement (Act 306/2019)
legal-controller-unset = palvelun ylläpitäjä (ylläpitäjä ei ole vielä lisännyt tähän nimeään ja yhteystietojaan)
signup-privacy = Kerromme tietosuojaselosteessa, mitä tietoja sinusta tallennetaan, miksi ja kuinka kauan, ja mitkä oikeutesi ovat:
privacy-title = Tietosuojaseloste
privacy-controller-h = Rekisterinpitäjä ja yhteystiedot
privacy-controller-text = Rekisterinpitäjä: { $controller }.
    Tietosuojaa koskevat kysymykset ja pyynnöt voit lähettää rekisterinpitäjälle. Palvelun osoite on { $link }.
privacy-what-h = Mitä tietoja tallennetaan
privacy-what-text = Tili: sähköpostiosoite, salasanasta tiiviste (ei itse salasanaa), kirjautumisten ajat, organisaation työntekijöillä toisen vaiheen tunnistuksen salaisuus ja varakoodit salattuina.
    Työnhakijan profiili, jos sen täytät: näyttönimi, esittely, taidot, kiinnostukset, kielet, kotikunta, matka-, työaika- ja aloitustoiveet, ikäryhmä, 58+-pooli, näkyvyys, portfolion kuvat ja tallennetut haut.
    Viestit: kiinnostuksen ilmoitukset ja viestit organisaatioiden kanssa sekä kopio profiilista, jonka jaoit kiinnostuksen yhteydessä.
    Loki siitä, kuka organisaatio on katsonut profiiliasi ja milloin. Organisaatioiden tiedot ovat julkisia eivätkä henkilötietoja, lukuun ottamatta rekisteröitymisen yhteyshenkilön nimeä.
privacy-why-h = Miksi tietoja käsitellään
privacy-why-text = Tili ja viestit ovat tarpeen, jotta voit käyttää palvelua (sopimus, tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta).
    Profiilisi näkyy organisaatioille tai kaikille vain, jos itse valitset niin (suostumus, 6 artiklan 1 kohdan a alakohta). Voit perua suostumuksen muuttamalla näkyvyyden yksityiseksi tai poistamalla profiilin.
    Katselulokia ja kirjautumistietoja pidetään, jotta tietojesi käyttö voidaan tarkistaa ja tilit suojata (oikeutettu etu, 6 artiklan 1 kohdan f alakohta).
privacy-who-h = Kuka tietoja näkee
privacy-who-text = Profiilisi näkevät vain ne, joille olet sen näkyväksi valinnut: vahvistettujen organisaatioiden kirjautuneet työntekijät tai kaikki. Sähköpostiosoitettasi ei näytetä kenellekään; organisaatiot ottavat yhteyttä viestillä palvelun kautta.
    Viestin näkevät sinä ja sen organisaation työntekijät, jonka kanssa viestit. Tietoja ei myydä eikä luovuteta muille eikä siirretä EU:n ja ETA:n ulkopuolelle.
privacy-how-long-h = Kuinka kauan tietoja säilytetään
privacy-how-long-text = Tilin ja profiilin tiedot säilyvät, kunnes poistat tilisi; poisto on heti lopullinen. Poistettaessa poistuvat myös kirjoittamasi viestit ja jakamasi profiilin kopiot. Organisaatio säilyttää omat viestinsä ja tiedon siitä, että keskustelu on ollut.
    Kirjautumisistunto päättyy viimeistään 12 tunnin kuluttua ja 30 minuutin käyttämättömyyden jälkeen. Lähetettyjen sähköpostien kopiot poistetaan viikon kuluttua.
privacy-rights-h = Oikeutesi
privacy-rights-text = Voit katsoa ja korjata tietojasi omalla sivullasi, ladata kaikki tietosi yhtenä tiedostona (oikeus saada pääsy tietoihin ja siirtää ne) ja poistaa tilisi (oikeus tietojen poistamiseen). Näet omalla sivullasi, mitkä organisaatiot ovat katsoneet profiiliasi.
    Voit perua suostumuksesi milloin tahansa. Voit myös vastustaa käsittelyä tai pyytää sen rajoittamista ottamalla yhteyttä rekisterinpitäjään.
privacy-security-h = Tietoturva
privacy-security-text = Yhteys palveluun on salattu. Salasanat tallennetaan vain tiivisteinä, organisaatioiden työntekijöillä on kaksivaiheinen tunnistus, ja jokainen henkilötietojen katselu kirjataan.
privacy-complaint-h = Valitusoikeus
privacy-complaint-text = Jos katsot, että tietojesi käsittely rikkoo tietosuojalainsäädäntöä, voit tehdä valituksen tietosuojavaltuutetun toimistolle (tietosuoja.fi).
accessibility-title = Saavutettavuusseloste
accessibility-scope-h = Seloste koskee Kolmosta
accessibility-scope-text = Tämä seloste koskee Kolmosen sivuja osoitteessa { $link }. Ylläpitäjä: { $controller }. Tavoitteemme on täyttää WCAG 2.1 -ohjeiden AA-tason vaatimukset, joita digitaalisten palvelujen tarjoamisesta annettu laki (306/2019) edellyttää.
accessibility-checked-h = Miten saavutettavuus on tarkistettu
accessibility-checked-text = Jokainen muutos tarkistetaan automaattisesti axe-core-työkalulla oikeassa selaimessa: kaikki sivutyypit suomeksi, ruotsiksi ja englanniksi sekä lomakkeet myös virhetilanteissa (WCAG 2.1 A ja AA). Lisäksi tarkistetaan, ettei sivulla ole kahta samaa tunnistetta.
    Sivut toimivat ilman JavaScriptiä, näppäimistöllä ja kapealla puhelimen näytöllä, ja ne on kokeiltu 390 pikselin levyisellä näytöllä.
accessibility-known-h = Tiedossa olevat puutteet
accessibility-known-text = Järjestöjen itse kirjoittamat tekstit voivat olla vaikeaselkoisia tai vain suomeksi; silloin sivu kertoo, että teksti on suomenkielinen. Automaattinen tarkistus ei löydä kaikkia ongelmia, eikä palvelua ole vielä arvioinut ulkopuolinen asiantuntija.
accessibility-feedback-h = Anna palautetta saavutettavuudesta
accessibility-feedback-text = Jos huomaat puutteen tai et saa jotain tietoa saavutettavassa muodossa, kerro siitä ylläpitäjälle: { $controller }. Vastaamme 14 päivän kuluessa. Järjestöjen, palvelujen ja paikkojen sivuilla on myös linkki virheen ilmoittamiseen.
accessibility-enforcement-h = Valvontaviranomainen
accessibility-enforcement-text = Jos et ole tyytyväinen saamaasi vastaukseen, voit ilmoittaa asiasta saavutettavuusvaatimusten noudattamista valvovalle viranomaiselle (Lupa- ja valvontavirasto; ennen vuotta 2026 Etelä-Suomen aluehallintovirasto). Ohjeet: saavutettavuusvaatimukset.fi.

## Warm hand-over (issue 18): referrals, clients, consents, the path
referrals-title = Lähetteet
referrals-back = Takaisin lähetteisiin
referrals-intro-coach = Organisaationne lähettämät ja vastaanottamat lähetteet. Lähete kulkee asiakkaan suostumuksella: yhteenveto on salattu, ja jokainen sen luku kirjataan.
referrals-intro-self = Lähetteesi palveluihin ja paikkoihin. Näet jokaisen vaiheen, ja voit perua suostumuksesi sivulla Omat suostumukset.
referrals-none = Ei lähetteitä vielä.
referral-title = Lähete
referral-new-title = Uusi lähete
referral-new-intro-coach = Lähete vie asiakkaan yhteenvedon vastaanottajalle, jotta hänen ei tarvitse kertoa tarinaansa uudelleen. Käykää yhteenveto läpi yhdessä ja merkitkää suostumukset vasta, kun asiakas on lukenut tekstit.
referral-new-intro-self = Lähete vie yhteenvetosi vastaanottajalle, jotta sinun ei tarvitse kertoa tarinaasi uudelleen. Kirjoita vain se, minkä haluat heidän tietävän.
referral-to = Mihin
referral-to-organization = Vastaanottaja
referral-from = Lähettäjä
referral-from-self = Henkilö itse
referral-client = Asiakas
referral-client-label = Asiakas
referral-client-hint = Asiakkaan nimi tai nimikirjaimet, kuten organisaationne on ne kirjannut.
referral-client-choose = Valitse asiakas
referral-add-client = Lisää uusi asiakas
referral-summary-title = Yhteenveto
referral-summary-intro = Henkilö on nähnyt ja hyväksynyt yhteenvedon. Kirjoita lyhyesti ja arkikielellä; vähintään yksi kohta.
referral-wants-label = Mitä henkilö haluaa
referral-wants-hint = Esimerkiksi: haluaa kokeilla puutöitä, osa-aikaisesti.
referral-tried-label = Mitä on jo kokeiltu
referral-tried-hint = Aiemmat palvelut ja paikat, jotta samaa ei aloiteta alusta.
referral-helps-label = Mikä auttaa
referral-helps-hint = Esimerkiksi: selkeät kirjalliset ohjeet, rauhallinen tila.
referral-health-title = Terveys ja työkyky (vapaaehtoinen)
referral-health-label = Terveyttä tai työkykyä koskevat muistiinpanot
referral-health-hint = Vain jos henkilö haluaa niiden kulkevan mukana. Vaatii oman suostumuksen.
referral-consents-legend = Suostumukset
referral-consents-hint-coach = Asiakas antaa suostumukset sinulle henkilökohtaisesti; sinut kirjataan niiden vastaanottajaksi. Lähete ja yhteenveto tarvitsevat suostumuksen.
referral-consents-hint-self = Lähete ja yhteenveto tarvitsevat suostumuksesi. Voit perua minkä tahansa suostumuksen myöhemmin.
referral-consent-coach-referral = Asiakas suostuu ohjaukseen (luettu hänelle tai hänen lukemanaan)
referral-consent-coach-share_summary = Asiakas suostuu yhteenvedon lähettämiseen
referral-consent-coach-share_health = Asiakas suostuu terveystietojen lähettämiseen
referral-consent-coach-follow_up = Asiakas suostuu seurantakysymyksiin
referral-consent-coach-statistics = Asiakas suostuu tilastointiin
referral-consent-self-referral = Suostun ohjaukseen
referral-consent-self-share_summary = Suostun yhteenvedon lähettämiseen
referral-consent-self-share_health = Suostun terveystietojen lähettämiseen
referral-consent-self-follow_up = Suostun seurantakysymyksiin
referral-consent-self-statistics = Suostun tilastointiin
referral-send = Lähetä lähete
referral-self-name = Itse
referral-sent = Lähete on lähetetty. Vastaanottaja saa siitä ilmoituksen ilman sen sisältöä.
referral-already-open = Tälle henkilölle on jo avoin lähete samaan palveluun tai paikkaan, joten uutta ei tehty. Tässä se on.
referral-moved = Lähetteen tila on tallennettu, ja muille osapuolille on ilmoitettu.
referral-not-moved = Tilaa ei muutettu: joku muu ehti muuttaa sitä, tai muutos ei kuulu sinulle. Tässä tilanne nyt.
referral-off-title = Lähetteet eivät ole käytössä
referral-off-text = Palvelun ylläpitäjä ei ole asettanut salausavainta, jolla lähetteiden yhteenvedot salataan. Ilman sitä lähetteitä ei voi lähettää eikä lukea.
referral-no-target-title = Mihin lähete menee?
referral-no-target-text = Lähete tehdään palvelun tai avoimen paikan sivulta. Etsi palvelu tai paikka ja valitse siellä "Tee lähete tähän".
referral-error-client = Valitse asiakas, jolle lähete tehdään.
referral-error-consent = Lähete ja yhteenveto tarvitsevat molemmat suostumuksen.
referral-error-health-consent = Terveystiedot voi lähettää vain omalla suostumuksellaan: merkitse se tai jätä kenttä tyhjäksi.
referral-error-too-long = Teksti on liian pitkä (enintään 4000 merkkiä).
referral-error-empty = Kirjoita yhteenvetoon ainakin yksi kohta.
referral-error-reason = Valitse syy.
referral-error-outcome = Valitse tulos.
referral-state = Tila
referral-you-are = Sinä olet
referral-party-sender = lähettäjä
referral-party-receiver = vastaanottaja
referral-party-person = henkilö itse
referral-steps = Vaiheet
referral-moves = Seuraava vaihe
referral-choose = Valitse
referral-reason-label = Syy
referral-outcome-label = Tulos
referral-direction = Suunta
referral-incoming = Saapunut
referral-outgoing = Lähetetty
referral-changed = Muutettu
referral-target-gone = (poistettu palvelu tai paikka)
referral-summary-closed = Yhteenvetoa ei voi lukea: suostumus on peruttu tai vanhentunut.
referral-health-closed = Terveystietoja ei voi enää lukea: suostumus on peruttu.
referral-state-sent = Lähetetty
referral-state-accepted = Hyväksytty
referral-state-declined = Ei vastaanotettu
referral-state-started = Aloitettu
referral-state-completed = Päättynyt
referral-state-cancelled = Peruttu
referral-do-accept = Hyväksy lähete
referral-do-decline = Ei vastaanoteta
referral-do-start = Merkitse aloitetuksi
referral-do-complete = Merkitse päättyneeksi
referral-do-cancel = Peru lähete
referral-reason-no_capacity = Ei tilaa nyt
referral-reason-not_suitable = Palvelu ei sovi henkilölle
referral-reason-person_declined = Henkilö ei halunnut
referral-reason-no_contact = Henkilöä ei tavoitettu
referral-reason-other = Muu syy
outcome-work_open_market = Työ avoimilla työmarkkinoilla
outcome-work_subsidised = Tuettu työ (esim. palkkatuki)
outcome-education = Koulutus
outcome-other_service = Toinen palvelu
outcome-paused = Tauko
outcome-moved_away = Muutti pois
outcome-unknown = Ei tiedossa
referral-mail-subject-sent = Kolmonen: uusi lähete
referral-mail-subject-accepted = Kolmonen: lähete hyväksyttiin
referral-mail-subject-declined = Kolmonen: lähetettä ei vastaanotettu
referral-mail-subject-started = Kolmonen: lähetteen palvelu alkoi
referral-mail-subject-completed = Kolmonen: lähetteen palvelu päättyi
referral-mail-subject-cancelled = Kolmonen: lähete peruttiin
referral-mail-body = Lähetteen tila on muuttunut. Näet sen täältä (kirjaudu ensin sisään):
    { $link }
clients-title = Asiakkaat
clients-intro = Organisaationne asiakkaat, joille teette lähetteitä. Kirjatkaa vain se, mitä tarvitaan: nimi tai nimikirjaimet riittävät.
clients-none = Ei asiakkaita vielä.
client-add-title = Lisää asiakas
client-add-intro = Henkilö voi myöhemmin ottaa tiedot omiin nimiinsä lunastuskoodilla, jonka teet asiakkaan sivulla. Silloin hän näkee oman polkunsa ja suostumuksensa.
client-display_name-label = Nimi tai nimikirjaimet
client-display_name-hint = Esimerkiksi "M. K." – älä kirjoita henkilötunnusta.
client-birth_year-label = Syntymävuosi (vapaaehtoinen)
client-birth_year-hint = Neljä numeroa, esimerkiksi 1988.
client-municipality-label = Kotikunta (vapaaehtoinen)
client-municipality-none = Ei kerrottu
client-claim-label = Tee lunastuskoodi
client-claim-hint = Koodi näytetään kerran. Anna se henkilölle paperilla tai lähetä hänelle; se on voimassa 30 päivää. Uusi koodi korvaa vanhan.
client-add-button = Lisää asiakas
client-added = Lisätty
client-added-notice = Asiakas on lisätty.
client-account = Oma tili
client-claimed = Henkilö on ottanut tiedot omiin nimiinsä
client-not-claimed = Ei vielä omaa tiliä
client-new-code = Tee lunastuskoodi
client-code-notice = Uusi lunastuskoodi on tehty. Vanha koodi ei enää toimi.
client-code-give = Anna tämä koodi henkilölle. Se näytetään vain nyt.
client-code-where = Hän syöttää sen kirjauduttuaan osoitteessa
client-refer-title = Tee lähete
client-refer-continue = Jatka lähetteeseen
client-refer-how = Lähete tehdään palvelun tai avoimen paikan sivulta:
client-refer-search = etsi palvelu tai paikka
client-consents-intro = Jos henkilö peruu suostumuksensa sinulle, kirjaa peruminen tästä. Perumisen jälkeen sen alaisia tietoja ei voi lukea eikä lähettää.
client-error-name = Kirjoita nimi tai nimikirjaimet.
client-error-name-long = Nimi on liian pitkä tai sisältää rivinvaihtoja (enintään 60 merkkiä).
client-error-birth-year = Kirjoita syntymävuosi neljällä numerolla (henkilön on oltava 14–100-vuotias), tai jätä tyhjäksi.
client-error-municipality = Valitse kunta luettelosta.
consents-title = Omat suostumukset
consents-intro = Tässä on jokainen antamasi suostumus ja teksti, jonka näit. Kun perut suostumuksen, sen alaisia tietoja ei voi siitä hetkestä lukea eikä lähettää.
consents-none = Ei suostumuksia.
consent-purpose-referral = Ohjaus palveluun
consent-purpose-share_summary = Yhteenvedon lähettäminen
consent-purpose-share_health = Terveystietojen lähettäminen
consent-purpose-follow_up = Seurantakysymykset
consent-purpose-statistics = Tilastointi
consent-method-signed_in = annettu itse kirjautuneena
consent-method-in_person = kirjattu henkilökohtaisesti ohjaajalle
consent-state = Tila
consent-in-force = Voimassa
consent-expired = Vanhentunut
consent-withdrawn = Peruttu
consent-recipient = Kenelle
consent-recipient-any = Mille tahansa organisaatiolle, johon ohjaudun itse
consent-given = Annettu
consent-expires = Voimassa asti
consent-text-shown = Teksti, joka näytettiin
consent-withdraw = Peru suostumus
consent-withdrawn-notice = Suostumus on peruttu. Sen alaisia tietoja ei voi enää lukea eikä lähettää.
path-title = Oma polku
path-intro = Kaikki vaiheesi yhdellä aikajanalla: lähetteet, aloitetut ja päättyneet palvelut ja paikat sekä tulokset. Voit tulostaa sivun.
path-none = Polulla ei ole vielä vaiheita.
follow-up-after-months = { $count ->
    [one] Seuranta { $count } kuukauden jälkeen
   *[other] Seuranta { $count } kuukauden jälkeen
}
claim-title = Ota tiedot omiin nimiisi
claim-intro = Jos ohjaajasi antoi sinulle lunastuskoodin, kirjoita se tähän. Sen jälkeen näet oman polkusi ja suostumuksesi ja voit perua niitä.
claim-code-label = Lunastuskoodi
claim-code-hint = Kolme neljän merkin ryhmää, esimerkiksi ABCD-EFGH-JKLM.
claim-button = Ota tiedot omiin nimiini
claim-staff = Lunastuskoodin syöttää henkilö itse omalla tilillään.
claim-error-code = Koodi ei kelpaa: se on väärin, vanhentunut tai jo käytetty. Pyydä ohjaajaltasi uusi.
claim-error-throttled = Liian monta väärää koodia. Odota hetki ja yritä uudelleen.
referral-make = Tee lähete tähän
audit-you = Sinä
role-system = Järjestelmä
audit-purpose-referral = Lähete
audit-purpose-consent = Suostumus
audit-purpose-path = Polku
audit-purpose-export = Tietojen vienti
audit-purpose-erasure = Poisto
audit-purpose-retention = Säilytysajan päättyminen
audit-purpose-audit = Lokin luku
audit-action-read = luettu
audit-action-create = luotu
audit-action-accept = hyväksytty
audit-action-decline = ei vastaanotettu
audit-action-start = aloitettu
audit-action-complete = päätetty
audit-action-cancel = peruttu
audit-action-withdraw = suostumus peruttu
audit-action-claim = otettu omiin nimiin
audit-action-erase = poistettu
audit-action-prune = vanhat rivit poistettu
audit-record-referral = lähete
audit-record-consent = suostumus
audit-record-client = asiakastieto
audit-record-account = tili
audit-record-audit_log = loki
admin-audit-title = Henkilötietojen käsittelyloki
admin-audit-intro = Jokainen lähetteiden, suostumusten ja polkujen luku ja muutos: kuka, missä roolissa, mistä organisaatiosta, mihin tarkoitukseen ja milloin. Rivit on ketjutettu tiivisteillä, joten muutettu, poistettu tai siirretty rivi huomataan. Lähetteiden sisältöä et näe.
admin-audit-verify = Tarkista ketju
admin-audit-filter = Suodata
admin-audit-any = Kaikki
admin-audit-who = Kuka
admin-audit-what = Mitä
admin-audit-record = Tieto
admin-audit-subject = Henkilö
admin-audit-purpose-label = Tarkoitus
admin-audit-action-label = Toimenpide
admin-audit-organization-label = Organisaation tunniste
admin-audit-actor-label = Käyttäjän tunniste
admin-audit-subject-label = Henkilön (asiakastiedon) tunniste
admin-audit-count = { $count ->
    [one] { $count } rivi
   *[other] { $count } riviä
}
admin-audit-holds = { $count ->
    [one] Ketju on ehjä: { $count } rivi tarkistettu.
   *[other] Ketju on ehjä: { $count } riviä tarkistettu.
}
admin-audit-broken = Ketju on rikki rivillä { $count }. Ilmoita palvelun ylläpitäjälle; komento kolmonen audit verify kertoo saman.
impact-title = Vaikuttavuus
impact-intro = Mitä lähetteistä seurasi koko verkoston tasolla: mihin ihmiset ohjautuivat, kuinka nopeasti heille vastattiin ja missä he ovat nyt. Mukana ovat vain ne lähetteet, joiden tilastointiin henkilö on antanut suostumuksen ja joihin vastaanottava organisaatio on jo vastannut.
impact-show = Näytä
impact-all = Kaikki
impact-all-kinds = Kaikki palvelut ja paikat
impact-all-municipalities = Koko maa
impact-all-organizations = Kaikki organisaatiot
impact-all-quarters = Koko aika
impact-municipality-label = Kunta
impact-organization-label = Organisaatio
impact-kind-label = Palvelun tai paikan laji
impact-quarter-label = Vuosineljännes
impact-people = Henkilöitä (tilastointiin suostuneita)
impact-referrals = Lähetteitä
impact-median = Vastaus lähetteeseen
impact-median-days = mediaani { $days } päivää
impact-median-too-few = alle viisi vastausta: ei näytetä
impact-small-cells = Luvut on pyöristetty lähimpään viidellä jaolliseen. Alle viiden luvut näkyvät muodossa "<5". Merkintä "x" on luku, joka on piilotettu, jotta pientä lukua ei voisi laskea summista; se voi olla minkä kokoinen tahansa. Näin ketään ei voi tunnistaa.
impact-flow-title = Jatkopolut
impact-flow-intro = Mistä ihmiset siirtyivät mihin: ensimmäisestä aloitetusta palvelusta seuraavaan ja viimeisen päättyneen palvelun jälkeen tulokseen. Sama tieto on kuvan alla taulukkona.
impact-flow-svg = Jatkopolut kuvana: vasemmalla mistä, oikealla mihin, viivan paksuus kertoo määrän.
impact-start = Polun alku
impact-kind-unknown = Laji ei tiedossa
impact-total = Yhteensä
impact-empty = Ei lukuja tällä rajauksella.
impact-csv = Lataa taulukot (CSV)
impact-json = Taulukot koneluettavina (JSON)
impact-table-states = Missä lähetteet ovat nyt (hylkäykset syittäin, päättyneet tuloksittain)
impact-table-kinds = Lähetteet palvelun tai paikan lajin mukaan
impact-table-quarters = Lähetteet vuosineljänneksittäin
impact-table-flow = Jatkopolut taulukkona
impact-table-follow_ups = Seuranta: missä henkilö on 3, 6 ja 12 kuukautta päättymisen jälkeen
impact-error-municipality = Valitse kunta luettelosta.
impact-error-organization = Valitse organisaatio luettelosta.
impact-error-kind = Valitse laji luettelosta.
impact-error-quarter = Valitse vuosineljännes luettelosta.
impact-quarter = { $quarter }. neljännes { $year }
impact-months = { $count ->
    [one] { $count } kuukausi
   *[other] { $count } kuukautta
}
referral-mail-remind-receiver = Kolmonen: lähete odottaa vastaustanne
referral-mail-remind-sender = Kolmonen: lähettämäänne lähetteeseen ei ole vastattu
follow-up-mail-subject = Kolmonen: missä tilanteessa henkilö on nyt?
follow-up-mail-body = On aika seurata, mitä päättyneen palvelun jälkeen tapahtui. Vastaa yhdellä valinnalla täällä (kirjaudu ensin sisään):
    { $link }
follow-up-title = Seuranta
follow-up-answer = Tallenna vastaus
follow-up-saved = Seurannan vastaus on tallennettu. Kiitos!
follow-up-not-open = Tähän seurantaan ei voi nyt vastata: se on jo vastattu tai ei kuulu sinulle.
referral-follow_up_outcome-label = Missä henkilö on nyt
audit-action-follow_up = seurantaan vastattu
follow-up-question = { $count ->
    [one] { $count } kuukausi päättymisen jälkeen: missä henkilö on nyt?
   *[other] { $count } kuukautta päättymisen jälkeen: missä henkilö on nyt?
}
referral-mail-body-sent = Teille on uusi lähete Kolmosessa. Lue se ja vastaa täällä (kirjaudu ensin sisään):
    { $link }
client-code-title = Lunastuskoodi
referrals-not-for-role-title = Lähetteet eivät kuulu tähän rooliin
referrals-not-for-role-text = Lähetteitä ja asiakkaita käsittelevät organisaatioiden ohjaajat ja henkilöt itse. Tietosuojavastaava näkee käsittelylokin, ei lähetteiden sisältöä.
claim-done = Tiedot ovat nyt sinun. Tässä on polkusi; suostumuksesi näet sivulla Omat suostumukset.
referral-self-summary-intro = Kirjoita lyhyesti omin sanoin; vähintään yksi kohta. Vastaanottaja lukee tämän.
referral-self-wants-label = Mitä haluan
referral-self-wants-hint = Esimerkiksi: haluan kokeilla puutöitä, osa-aikaisesti.
referral-self-tried-label = Mitä olen jo kokeillut
referral-self-tried-hint = Aiemmat palvelut ja paikat, jotta samaa ei aloiteta alusta.
referral-self-helps-label = Mikä minua auttaa
referral-self-helps-hint = Esimerkiksi: selkeät kirjalliset ohjeet, rauhallinen tila.
referral-self-health-label = Terveyttäni tai työkykyäni koskevat muistiinpanot
referral-self-health-hint = Vain jos haluat niiden kulkevan mukana. Vaatii oman suostumuksen.
admin-audit-error-choice = Valitse luettelosta.
admin-audit-error-id = Kirjoita tunniste tai sen alku (vähintään 8 merkkiä, numeroita 0–9, kirjaimia a–f ja viivoja).
admin-audit-error-organization = Kirjoita organisaation koko tunniste.
admin-audit-actor-hint = Koko tunniste tai sen alku, kuten taulukossa.
admin-audit-subject-hint = Koko tunniste tai sen alku, kuten taulukossa.
impact-too-few = Tällä rajauksella on alle 20 henkilöä, joten lukuja ei näytetä: niistä voisi päätellä yksittäisen ihmisen tietoja. Valitse laajempi rajaus.
referral-client-withdrawn = (suostumus peruttu)

## Networks (issue 19)
networks-title = Verkostot
nav-networks = Verkostot
networks-intro = Verkostossa alueen järjestöt, säätiöt ja yhteiskunnalliset yritykset tekevät työllisyystyötä yhdessä. Organisaation pääkäyttäjä voi pyytää liittymistä, ja verkoston koordinaattori hyväksyy jäsenet.
networks-none = Verkostoja ei ole vielä perustettu.
networks-members-count = { $count ->
    [0] Ei jäseniä
    [one] 1 jäsen
   *[other] { $count } jäsentä
}
networks-area = Alue
networks-impact-link = Verkoston jäsenten lähetteiden vaikuttavuus
networks-members = Jäsenet
networks-members-none = Verkostossa ei ole vielä jäseniä.
networks-member-since = jäsen
networks-asked = pyysi
networks-requests = Liittymispyynnöt
networks-requests-none = Ei odottavia liittymispyyntöjä.
networks-accept-button = Hyväksy
networks-decline-button = Hylkää
networks-remove-button = Poista verkostosta
networks-own-member = Organisaatiosi on verkoston jäsen.
networks-own-requested = Organisaatiosi on pyytänyt liittymistä. Verkoston koordinaattori vastaa pyyntöön.
networks-join-text = Organisaatiosi ei ole verkoston jäsen. Pyyntö menee verkoston koordinaattorille.
networks-join-button = Pyydä liittymistä
networks-leave-button = Eroa verkostosta
networks-withdraw-button = Peru liittymispyyntö
networks-new-title = Perusta verkosto
networks-edit-title = Muokkaa verkostoa
networks-back = Takaisin
networks-save-button = Tallenna
networks-name-label = Nimi
networks-description-label = Kuvaus
networks-description-hint = Mitä verkosto tekee ja kenelle. Tyhjä rivi aloittaa uuden kappaleen.
networks-municipalities-label = Alueen kunnat
networks-municipalities-hint = Kuntien nimet tai numerot pilkuilla erotettuina, esimerkiksi Lahti, Hollola, Asikkala.
networks-coordinators-label = Koordinaattorit
networks-coordinators-hint = Koordinaattorien sähköpostiosoitteet, yksi riville. Jokaisella pitää olla Kolmosessa koordinaattorin tili.
networks-error-name = Kirjoita verkoston nimi.
networks-error-name-long = Nimen pitää olla yksi enintään 200 merkin rivi.
networks-error-description-long = Kuvaus on liian pitkä (enintään 4 000 merkkiä).
networks-error-municipality = Näitä kuntia ei löytynyt: { $names }.
networks-error-municipalities-many = Liian monta kuntaa (enintään 60).
networks-error-coordinator = Näillä osoitteilla ei ole koordinaattorin tiliä: { $names }.
networks-error-coordinators-many = Liian monta koordinaattoria (enintään 20).
networks-done-saved = Verkosto tallennettiin.
networks-done-requested = Liittymispyyntö lähetettiin koordinaattorille.
networks-done-already = Organisaatiosi on jo pyytänyt liittymistä tai on jäsen.
networks-done-left = Organisaatiosi ei ole enää verkostossa.
networks-done-accepted = Organisaatio hyväksyttiin jäseneksi.
networks-done-declined = Liittymispyyntö hylättiin.
networks-done-removed = Organisaatio poistettiin verkostosta.
networks-done-stale = Joku ehti jo vastata tähän. Sivulla on nyt tilanne.
field-member-of-networks = Jäsenenä Kolmosen verkostossa
impact-network-label = Verkosto
impact-error-network = Valitse verkosto luettelosta.
impact-network-all = Kaikki verkostot
mail-network-request-subject = Kolmonen: { $organization } pyytää liittymistä verkostoon { $network }
mail-network-request-body = Hei,

    { $organization } pyytää liittymistä verkostoon { $network }. Hyväksy tai hylkää pyyntö verkoston sivulla:

    { $link }
mail-network-accepted-subject = Kolmonen: tervetuloa verkostoon { $network }
mail-network-accepted-body = Hei,

    { $organization } on nyt verkoston { $network } jäsen:

    { $link }
mail-network-removed-subject = Kolmonen: { $organization } poistettiin verkostosta { $network }
mail-network-removed-body = Hei,

    verkoston { $network } koordinaattori poisti organisaation { $organization } verkostosta. Voit pyytää liittymistä uudelleen verkoston sivulla:

    { $link }
mail-network-declined-subject = Kolmonen: liittymispyyntöä verkostoon { $network } ei hyväksytty
mail-network-declined-body = Hei,

    verkoston { $network } koordinaattori ei hyväksynyt organisaation { $organization } liittymispyyntöä. Voit kysyä koordinaattorilta lisää tai pyytää uudelleen verkoston sivulla:

    { $link }
mail-network-left-subject = Kolmonen: { $organization } erosi verkostosta { $network }
mail-network-left-body = Hei,

    { $organization } erosi verkostosta { $network } tai perui liittymispyyntönsä:

    { $link }
mail-network-named-subject = Kolmonen: olet verkoston { $network } koordinaattori
mail-network-named-body = Hei,

    sinut on nimetty verkoston { $network } koordinaattoriksi Kolmosessa. Verkoston sivulla hyväksyt liittymispyynnöt ja muokkaat verkoston tietoja:

    { $link }
client-municipality-column = Kotikunta
networks-error-name-taken = Samanniminen verkosto on jo olemassa. Valitse toinen nimi.
networks-done-requested-nobody = Liittymispyyntö on tallennettu. Verkostolla ei ole vielä koordinaattoria, joten pyyntö odottaa, kunnes Kolmosen ylläpito nimeää sellaisen.
networks-done-unverified = Organisaatiotasi ei ole vielä vahvistettu, joten se ei voi pyytää liittymistä verkostoon. Kolmosen ylläpito tai verkoston koordinaattori vahvistaa uudet organisaatiot.
networks-done-throttled = Organisaatiosi on pyytänyt liittymistä liian monta kertaa tunnin sisällä. Yritä myöhemmin uudelleen.

## Events (issue 19)
nav-events = Tapahtumat
events-title = Tapahtumat
events-past-title = Menneet tapahtumat
events-intro = Verkostotapaamiset, työpajat, rekrytointitapahtumat ja avoimet ovet. Suodata kunnan, verkoston tai kohderyhmän mukaan ja tilaa kalenteri.
events-none = Ei tapahtumia näillä valinnoilla.
events-filter-municipality-label = Kunta
events-filter-network-label = Verkosto
events-filter-audience-label = Kohderyhmä
events-filter-any = Kaikki
events-filter-button = Näytä tapahtumat
events-past-link = Menneet tapahtumat
events-upcoming-link = Tulevat tapahtumat
events-feed-link = Tilaa kalenterina (iCalendar)
events-organizer = Järjestäjä
events-cancelled = Peruttu
events-cancelled-text = Tämä tapahtuma on peruttu.
events-past = päättynyt
events-online = Verkossa
events-upcoming-more = ja { $count } kertaa lisää
events-upcoming-dates = Tulevat kerrat
events-add-to-calendar = Lisää kalenteriin
events-place = Paikka
events-municipality = Kunta
events-network = Verkosto
events-audience = Kenelle
events-languages = Kielet
events-cost = Hinta
events-free = Maksuton
events-accessibility = Saavutettavuus
events-full = Paikat ovat täynnä. Voit ilmoittautua jonoon.
events-places-left = { $count ->
    [one] 1 paikka jäljellä
   *[other] { $count } paikkaa jäljellä
}
events-going-count = { $count ->
    [one] 1 tulossa
   *[other] { $count } tulossa
}
events-waiting-count = { $count ->
    [one] 1 jonossa
   *[other] { $count } jonossa
}
events-occurrences-count = { $count ->
    [one] 1 kerta
   *[other] { $count } kertaa
}
events-repeat-weekly = Joka viikko
events-repeat-biweekly = Joka toinen viikko
events-repeat-monthly = Kerran kuukaudessa samana viikonpäivänä
events-manage = Järjestäjälle
events-edit-title = Muokkaa tapahtumaa
events-new-title = Uusi tapahtuma
events-cancel-button = Peru tapahtuma
events-signup-heading = Ilmoittautuminen
events-signup-name-label = Nimi
events-signup-email-label = Sähköposti
events-signup-email-hint = Lähetämme vahvistuslinkin. Linkin kautta voit myös perua ilmoittautumisen.
events-signup-needs-label = Erityistarpeet (valinnainen)
events-signup-needs-hint = Esimerkiksi tulkkaus, ruokavalio tai pyörätuolipaikka.
events-signup-privacy = Nimesi, sähköpostisi ja tarpeesi näkyvät vain järjestäjille, ja ne poistetaan 30 päivää tapahtuman jälkeen.
events-signup-button = Ilmoittaudu
events-signup-closed = Tähän tapahtumaan ei voi nyt ilmoittautua Kolmosen kautta.
events-signup-none = Tähän tapahtumaan ei tarvitse ilmoittautua: tule paikalle.
events-your-signup = Ilmoittautumisesi
events-withdraw-button = Peru ilmoittautuminen
events-confirm-button = Vahvista ilmoittautuminen
events-signup-title = Ilmoittautumisesi
events-signup-unknown = Ilmoittautumista ei löytynyt. Linkki voi olla vanhentunut, tai tapahtuman osallistujatiedot on jo poistettu.
events-signup-done-confirmed = Ilmoittautumisesi on vahvistettu. Paikka on varattu sinulle.
events-signup-done-waiting = Ilmoittautumisesi on vahvistettu. Paikat ovat täynnä, joten olet jonossa. Kerromme sähköpostilla, jos paikka vapautuu.
events-signup-done-cancelled = Ilmoittautumisesi on peruttu.
events-state-pending = odottaa sähköpostin vahvistusta
events-state-going = paikka varattu
events-state-waiting = jonossa
events-state-cancelled = peruttu
events-done-saved = Tapahtuma on tallennettu.
events-done-cancelled = Tapahtuma on peruttu. Ilmoittautuneille on kerrottu.
events-done-signed-up = Olet ilmoittautunut. Vahvistus on lähetetty sähköpostiisi.
events-done-confirm-sent = Lähetimme sähköpostiisi vahvistuslinkin. Ilmoittautuminen on voimassa, kun olet vahvistanut sen.
events-done-waiting = Paikat ovat täynnä, joten olet jonossa. Kerromme sähköpostilla, jos paikka vapautuu.
events-done-already = Tällä sähköpostiosoitteella on jo ilmoittautuminen tähän tapahtumaan.
events-done-withdrawn = Ilmoittautumisesi on peruttu.
events-done-throttled = Tähän osoitteeseen on lähetetty jo monta ilmoittautumista tunnin sisällä. Yritä myöhemmin uudelleen.
events-done-closed = Ilmoittautuminen tähän tapahtumaan on päättynyt.
events-back = Takaisin
events-participants-title = Osallistujat
events-participants-csv = Lataa osallistujat (CSV)
events-participants-none = Ei vielä ilmoittautuneita.
events-participants-deleted = Osallistujien tiedot poistetaan { $date }.
events-csv-name = Nimi
events-csv-email = Sähköposti
events-csv-needs = Erityistarpeet
events-csv-state = Tila
events-csv-confirmed = Vahvistettu
events-kind-label = Tapahtuman tyyppi
event-kind-network_meeting = Verkostotapaaminen
event-kind-workshop = Työpaja
event-kind-recruitment_fair = Rekrytointitapahtuma
event-kind-open_day = Avoimet ovet
event-kind-training = Koulutus
event-kind-other = Muu tapahtuma
events-title-label = Nimi
events-description-label = Kuvaus
events-co_organizers-label = Muut järjestäjät (valinnainen)
events-co_organizers-hint = Organisaatioiden nimet tai Y-tunnukset, yksi riville.
events-network-label = Verkosto (valinnainen)
events-network-none = Ei verkostoa
events-location-label = Toimipaikka (valinnainen)
events-location-none = Ei toimipaikkaa
events-place-label = Paikka tai osoite
events-place-hint = Esimerkiksi huone tai osoite, jos tapahtuma ei ole toimipaikassanne.
events-municipality-label = Kunta
events-municipality-hint = Kunnan nimi tai numero. Toimipaikan kunta, jos jätät tyhjäksi.
events-online_url-label = Verkkolinkki (valinnainen)
events-online_url-hint = Osoite, josta verkkotapahtumaan liitytään, alkaen https://.
events-when-legend = Aika (Suomen aikaa)
events-date-label = Päivä
events-date-hint = Esimerkiksi 10.3.2027.
events-start-label = Alkaa klo
events-start-hint = Esimerkiksi 13.00.
events-end_date-label = Päättymispäivä (jos eri päivä)
events-end-label = Päättyy klo
events-repeat-legend = Toistuminen
events-repeat-label = Toistuu
events-repeat-option-none = Ei toistu
events-repeat-option-weekly = Joka viikko
events-repeat-option-biweekly = Joka toinen viikko
events-repeat-option-monthly = Kerran kuukaudessa (sama viikonpäivä)
events-until-label = Viimeinen päivä
events-count-label = tai kertojen määrä
events-exceptions-label = Poikkeuspäivät (valinnainen)
events-exceptions-hint = Päivät, jolloin tapahtumaa ei ole, pilkulla erotettuina.
events-audience-label = Kohderyhmät
events-languages-label = Kielet
events-language-fi = suomi
events-language-sv = ruotsi
events-language-en = englanti
events-language-other = muu kieli
events-cost-label = Hinta (tyhjä = maksuton)
events-accessibility-label = Saavutettavuus
events-accessibility-hint = Esimerkiksi esteetön sisäänkäynti, induktiosilmukka, tulkkaus.
events-capacity-label = Paikkoja (valinnainen)
events-capacity-hint = Kun paikat täyttyvät, seuraavat ilmoittautuvat jonoon.
events-signup-label = Ilmoittautuminen Kolmosen kautta
events-save-button = Tallenna tapahtuma
events-error-kind = Valitse tapahtuman tyyppi.
events-error-title = Kirjoita tapahtuman nimi.
events-error-too-long = Teksti on liian pitkä tai siinä on rivinvaihtoja.
events-error-organizer = Näitä organisaatioita ei löytynyt: { $names }. Kirjoita nimi tarkalleen kuten hakemistossa tai Y-tunnus.
events-error-organizers-many = Tapahtumalla voi olla enintään 10 järjestäjää.
events-error-organizers-unverified = Muita järjestäjiä voi nimetä, kun koordinaattori on tarkistanut organisaatiosi. Julkaise tapahtuma nyt omissa nimissäsi.
events-error-network-filter = Verkostoa ei löytynyt. Valitse verkosto luettelosta.
events-error-network = Valitse verkosto, jonka jäsen organisaatiosi on.
events-error-location = Valitse jokin organisaatiosi toimipaikoista.
events-error-municipality = Kuntaa ei tunnistettu. Kirjoita kunnan nimi tai numero.
events-error-audience = Kohderyhmää ei tunnistettu.
events-error-online-url = Kirjoita verkko-osoite, joka alkaa https://.
events-error-where = Kerro, missä tapahtuma on: toimipaikka, paikka, kunta tai verkkolinkki.
events-error-date = Kirjoita päivä.
events-error-date-form = Kirjoita päivä muodossa 10.3.2027.
events-error-time = Kirjoita kellonaika muodossa 13.00.
events-error-end-before-start = Päättymisajan pitää olla alkamisajan jälkeen.
events-error-too-many-days = Yksi tapahtumakerta voi kestää enintään 14 päivää.
events-error-count = Kertoja voi olla 1–260.
events-error-exception = Poikkeuspäivää ei tunnistettu: { $names }. Kirjoita päivät muodossa 10.3.2027.
events-error-repeat = Valitse toistuminen listasta.
events-error-series-end = Kerro, milloin toistuminen päättyy: viimeinen päivä tai kertojen määrä.
events-error-empty-series = Toistuvalle tapahtumalle ei jää yhtään kertaa. Tarkista viimeinen päivä ja poikkeuspäivät.
events-error-series-range = Toistuva tapahtuma voi jatkua enintään kaksi vuotta, ja poikkeuspäiviä voi olla enintään 60.
events-error-capacity = Kirjoita paikkojen määrä numerona 1–10000, tai jätä tyhjäksi.
events-error-name = Kirjoita nimesi.
events-error-name-long = Nimi on liian pitkä.
events-error-email = Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.
events-error-needs-long = Erityistarpeet-teksti on liian pitkä (enintään 500 merkkiä).
events-my-calendar-title = Omat tapahtumani
events-mine-none = Et ole ilmoittautunut tapahtumiin.
events-feed-heading = Oma kalenterisyöte
events-feed-text = Kalenterisyöte näyttää ilmoittautumisesi puhelimesi tai tietokoneesi kalenterissa. Osoite on salainen: älä jaa sitä. Jos se on päässyt vääriin käsiin, tee uusi, jolloin vanha lakkaa toimimasta.
events-feed-address = Syötteen osoite
events-feed-make = Tee kalenterisyöte
events-feed-renew = Tee uusi osoite
events-feed-renewed = Uusi osoite on tehty. Vanha osoite ei enää toimi.
events-new-link = Lisää tapahtuma
mail-event-confirm-subject = Kolmonen: vahvista ilmoittautumisesi tapahtumaan { $event }
mail-event-confirm-body = Hei,

    joku ilmoittautui tällä osoitteella tapahtumaan { $event } ({ $when }). Vahvista ilmoittautuminen avaamalla linkki:

    { $link }

    Jos et ilmoittautunut, voit jättää tämän viestin huomiotta.
mail-event-going-subject = Kolmonen: paikkasi tapahtumassa { $event } on varattu
mail-event-going-body = Hei,

    paikkasi tapahtumassa { $event } ({ $when }) on varattu. Voit katsoa tai perua ilmoittautumisesi tästä:

    { $link }
mail-event-waiting-subject = Kolmonen: olet jonossa tapahtumaan { $event }
mail-event-waiting-body = Hei,

    tapahtuman { $event } ({ $when }) paikat ovat täynnä, joten olet jonossa. Kerromme, jos paikka vapautuu. Voit perua ilmoittautumisesi tästä:

    { $link }
mail-event-moved-up-subject = Kolmonen: paikka vapautui tapahtumasta { $event }
mail-event-moved-up-body = Hei,

    sinulle vapautui paikka tapahtumasta { $event } ({ $when }). Jos et pääse, peru ilmoittautumisesi, niin paikka siirtyy seuraavalle:

    { $link }
mail-event-already-subject = Kolmonen: olet jo ilmoittautunut tapahtumaan { $event }
mail-event-already-body = Hei,

    tällä osoitteella on jo ilmoittautuminen tapahtumaan { $event } ({ $when }). Näet sen, vahvistat sen tai perut sen tästä linkistä:

    { $link }

    Jos et itse ilmoittautunut, voit jättää tämän viestin huomiotta.
mail-event-withdrawn-subject = Kolmonen: ilmoittautumisesi tapahtumaan { $event } on peruttu
mail-event-withdrawn-body = Hei,

    ilmoittautumisesi tapahtumaan { $event } ({ $when }) on peruttu.

    { $link }
mail-event-cancelled-subject = Kolmonen: tapahtuma { $event } on peruttu
mail-event-cancelled-body = Hei,

    järjestäjä on perunut tapahtuman { $event } ({ $when }), johon olit ilmoittautunut. Pahoittelemme.

    { $link }
mail-event-reminder-subject = Kolmonen: muistutus huomisesta tapahtumasta { $event }
mail-event-reminder-body = Hei,

    muistutamme, että olet ilmoittautunut huomiseen tapahtumaan { $event } ({ $when }). Jos et pääse, peru ilmoittautumisesi, niin paikka siirtyy seuraavalle:

    { $link }

## Network digests (issue 19)
networks-events = Verkoston tulevat tapahtumat
networks-events-none = Verkostolla ei ole tulevia tapahtumia.
networks-events-all = Kaikki verkoston tapahtumat
networks-events-ics = Tapahtumat kalenteriin (iCalendar)
networks-follow = Seuraa verkostoa
networks-follow-text = Saat kerran viikossa, maanantaiaamuna, sähköpostiin koosteen jäsenten uusista avoimista paikoista ja tapahtumista. Viestiä ei tule, jos uutta ei ole.
networks-follow-subscribe = Tilaa viikkokooste
networks-digest-place = Paikka
digest-subscribe-title = Tilaa verkoston viikkokooste
digest-subscribe-lead = Kirjoita sähköpostiosoitteesi. Lähetämme siihen linkin, jolla vahvistat tilauksen. Tiliä ei tarvita.
digest-email-label = Sähköpostiosoite
digest-privacy = Osoitettasi käytetään vain koosteen lähettämiseen. Jokaisessa viestissä on linkki, jolla tilauksen voi perua yhdellä napilla. Vahvistamaton tilaus poistetaan viikon kuluttua.
digest-subscribe-button = Tilaa
digest-feed-link = Samat uutiset syötteenä (Atom)
digest-error-email = Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.
digest-done-sent = Lähetimme viestin osoitteeseen, jonka kirjoitit. Tilaus alkaa, kun vahvistat sen viestin linkistä. Jos osoite on jo tilannut koosteen, viestissä on linkki tilaukseen.
digest-done-throttled = Tilauksia on tehty tästä osoitteesta tai laitteesta liian monta tunnin sisällä. Yritä myöhemmin uudelleen.
digest-subscription-title = Viikkokoosteen tilaus
digest-subscription-active = Tilaus on voimassa: saat koosteen maanantaiaamuisin, kun verkostossa on jotain uutta.
digest-subscription-pending = Tilausta ei ole vielä vahvistettu.
digest-subscription-unknown = Tilausta ei löytynyt. Se on ehkä jo peruttu, tai linkki on vanhentunut.
digest-confirm-button = Vahvista tilaus
digest-unsubscribe-button = Peru tilaus
digest-done-confirmed = Tilaus on vahvistettu.
digest-done-unsubscribed = Tilaus on peruttu, eikä osoitteeseesi lähetetä enää koosteita. Osoite poistettiin.
mail-digest-confirm-subject = Kolmonen: vahvista viikkokoosteen tilaus – { $network }
mail-digest-confirm-body = Hei,

    tällä osoitteella tilattiin Kolmosesta verkoston viikkokooste: { $network }. Vahvista tilaus tästä linkistä:

    { $link }

    Jos et tilannut koostetta itse, voit jättää tämän viestin huomiotta: vahvistamaton tilaus poistetaan viikon kuluttua.
mail-digest-already-subject = Kolmonen: olet jo tilannut viikkokoosteen – { $network }
mail-digest-already-body = Hei,

    tällä osoitteella on jo verkoston viikkokoosteen tilaus: { $network }. Tilauksen voit perua tästä linkistä:

    { $link }
mail-digest-subject = Kolmonen: viikkokooste – { $network }
mail-digest-intro = Hei, tässä verkoston jäsenten uudet asiat ajalta { $period }: { $network }.
mail-digest-places = { $count ->
    [one] Uusi avoin paikka
   *[other] Uudet avoimet paikat ({ $count })
}
mail-digest-events = { $count ->
    [one] Uusi tapahtuma
   *[other] Uudet tapahtumat ({ $count })
}
mail-digest-projects = { $count ->
    [one] Uusi hanke
   *[other] Uudet hankkeet ({ $count })
}
mail-digest-articles = { $count ->
    [one] Uutta tietopankissa
   *[other] Uutta tietopankissa ({ $count })
}
mail-digest-more = Verkoston sivu: { $link }
mail-digest-unsubscribe = Saat tämän viestin, koska tilasit verkoston viikkokoosteen. Tilauksen voit perua tästä: { $link }

## Project register: the CSV import's messages ($column, $value)
projects-csv-too-large = Tiedosto on liian suuri: enintään { $value } Mt.
projects-csv-not-utf8 = Tiedosto ei ole UTF-8-tekstiä. Tallenna se taulukko-ohjelmassa muodossa ”CSV UTF-8”.
projects-csv-unreadable = Riviä ei voi lukea CSV:nä (tarkista lainausmerkit).
projects-csv-unknown-column = Tuntematon sarake ”{ $value }”. Sarakkeet on lueteltu ohjeessa.
projects-csv-missing-column = Sarake ”{ $value }” puuttuu.
projects-csv-too-many-rows = Liian monta riviä: enintään { $value } hanketta kerralla.
projects-csv-required = Sarakkeen { $column } solu on tyhjä: tieto on pakollinen.
projects-csv-too-long = Sarakkeen { $column } teksti on liian pitkä.
projects-csv-too-many = Liian monta kumppania: enintään { $value }.
projects-csv-duplicate-key = Tunnus ”{ $value }” on tiedostossa kahdesti.
projects-csv-key-taken = Tunnuksella ”{ $value }” on jo toisen organisaation hanke.
projects-csv-lead-not-yours = Et voi lisätä hanketta organisaation ”{ $value }” nimiin.
projects-csv-ambiguous = Nimellä ”{ $value }” on useita organisaatioita: käytä organisaation tunnusta.
projects-csv-unknown-organization = Organisaatiota ”{ $value }” ei löydy Kolmosesta.
projects-csv-unknown-funder = Tuntematon rahoittaja ”{ $value }”: käytä tunnusta tai nimeä (esim. stea, esr_plus, municipality) ja erota useat puolipisteellä.
projects-csv-bad-euros = ”{ $value }” ei ole euromäärä kokonaisina euroina (esim. 96 000 €).
projects-csv-bad-date = ”{ $value }” ei ole päivämäärä (esim. 2025-03-01 tai 1.3.2025).
projects-csv-ends-before-start = Hanke päättyy ({ $value }) ennen kuin se alkaa.
projects-csv-unknown-target-group = Tuntematon kohderyhmä ”{ $value }”: käytä tunnusta tai nimeä sivun listasta ja erota useat puolipisteellä.
projects-csv-unknown-municipality = Tuntematon kunta ”{ $value }” (kuntanumero tai nimi).

## Project register: pages
projects-title = Hankerekisteri
projects-intro = Kuka tekee mitä: alueen järjestöjen ja kumppanien rahoitetut hankkeet, niiden tavoitteet, rahoittajat ja tulokset.
projects-count = { $count ->
    [one] 1 hanke
   *[other] { $count } hanketta
}
projects-none = Ei hankkeita näillä rajauksilla.
projects-csv-link = Lataa hankerekisteri (CSV)
projects-organization = Organisaatio
projects-filter-any = Ei rajausta
projects-filter-button = Näytä hankkeet
projects-filter-funder-label = Rahoittaja
projects-filter-status-label = Tila
projects-filter-municipality-label = Kunta
projects-filter-municipality-hint = Kunnan nimi tai numero, esim. Lahti tai 398
projects-filter-target_group-label = Kohderyhmä
projects-error-funder = Valitse rahoittaja listalta.
projects-error-status = Valitse tila listalta.
projects-error-municipality = Kuntaa ei löydy. Kirjoita kunnan nimi tai numero, esim. Lahti tai 398.
projects-error-target-group = Valitse kohderyhmä listalta.
projects-error-organization = Organisaation tunnus ei kelpaa.
projects-status-planned = Suunnitteilla
projects-status-ongoing = Käynnissä
projects-status-ended = Päättynyt
projects-period-open = { $date } alkaen
projects-field-period = Kesto
projects-field-funders = Rahoittajat
projects-field-lead = Hallinnoija
projects-field-partners = Kumppanit
projects-field-budget = Budjetti
projects-field-municipalities = Kunnat
projects-field-aims = Tavoitteet
projects-field-results = Tulokset
projects-field-contact-role = Yhteyshenkilö (tehtävä)
projects-new-link = Lisää hanke
projects-own-link = Organisaation hankkeet
projects-new-title = Uusi hanke
projects-edit-title = Muokkaa hanketta
projects-edit-link = Muokkaa hanketta
projects-back = Takaisin
projects-name-legend = Hankkeen nimi
projects-name_fi-label = Nimi suomeksi
projects-name_sv-label = Nimi ruotsiksi (valinnainen)
projects-name_en-label = Nimi englanniksi (valinnainen)
projects-partners-label = Kumppanit (valinnainen)
projects-partners-hint = Yksi riville. Kolmosessa olevan organisaation nimi tulee linkiksi; muut nimet näytetään sellaisenaan.
projects-funders-label = Rahoittajat
projects-funder_note-label = Rahoittajan tarkenne (valinnainen)
projects-funder_note-hint = Esimerkiksi rahoitusohjelma tai avustuksen nimi.
projects-budget_eur-label = Budjetti euroina (valinnainen)
projects-budget_eur-hint = Kokonaisina euroina, esim. 96000.
projects-starts_on-label = Alkaa
projects-starts_on-hint = Esimerkiksi 1.3.2025.
projects-ends_on-label = Päättyy (valinnainen)
projects-ends_on-hint = Tyhjä, jos päättymispäivää ei ole sovittu.
projects-municipalities-label = Kunnat (valinnainen)
projects-municipalities-hint = Kuntien nimet tai numerot pilkulla erotettuina, esim. Lahti, Hollola.
projects-target_groups-label = Kohderyhmät
projects-texts-legend = Tavoitteet, yhteyshenkilö ja tulokset
projects-aims_fi-label = Tavoitteet suomeksi
projects-aims_sv-label = Tavoitteet ruotsiksi (valinnainen)
projects-aims_en-label = Tavoitteet englanniksi (valinnainen)
projects-contact_role_fi-label = Yhteyshenkilön tehtävä suomeksi
projects-contact_role_fi-hint = Tehtävänimike, esim. Pajaohjaaja – ei henkilön nimeä.
projects-contact_role_sv-label = Yhteyshenkilön tehtävä ruotsiksi (valinnainen)
projects-contact_role_en-label = Yhteyshenkilön tehtävä englanniksi (valinnainen)
projects-results_fi-label = Tulokset suomeksi (valinnainen)
projects-results_sv-label = Tulokset ruotsiksi (valinnainen)
projects-results_en-label = Tulokset englanniksi (valinnainen)
projects-form-required = Tämä tieto on pakollinen.
projects-form-too-long = Teksti on liian pitkä.
projects-save-button = Tallenna hanke
projects-delete-legend = Poista hanke
projects-delete-hint = Hanke poistuu rekisteristä ja hausta. Tätä ei voi perua.
projects-delete-button = Poista hanke pysyvästi
projects-deleted = Hanke poistettiin.
projects-saved = Hanke tallennettiin.

## Attachments of projects (and later articles)
attachments-title = Liitteet
attachments-none = Ei vielä liitteitä. Lisää raportit, esitteet ja tulokset tästä.
attachments-title-label = Liitteen nimi
attachments-title-hint = Esimerkiksi ”Loppuraportti 2025”. Enintään 200 merkkiä.
attachments-file-label = Tiedosto
attachments-file-hint = PDF, Word (DOCX), OpenDocument-teksti (ODT) tai PNG- tai JPEG-kuva, enintään 8 Mt. Jos tiedosto ei kelpaa, valitse se uudelleen: selain ei säilytä valintaa.
attachments-upload = Lisää liite
attachments-delete = Poista
attachments-added = Liite lisätty.
attachments-deleted = Liite poistettu.
attachments-size-kb = { $size } kt
attachments-size-mb = { $size } Mt
attachments-error-title = Kirjoita liitteelle nimi.
attachments-error-title-long = Nimi on liian pitkä (enintään 200 merkkiä).
attachments-error-full = Liitteitä on jo 20. Poista jokin ennen kuin lisäät uuden.
attachments-error-file = Valitse tiedosto.
attachments-error-size = Tiedosto on liian suuri. Enintään 8 Mt.
attachments-error-type = Tiedosto ei ole PDF, DOCX, ODT, PNG tai JPEG, tai se hakisi avattaessa jotain muualta. Tiedoston tyyppi tunnistetaan sen sisällöstä, ei nimestä. Word-tiedostoja, joissa on makroja, upotettuja ohjelmia, etämalli tai verkosta haettavia kuvia, ei oteta vastaan.

## Knowledge bank
articles-title = Tietopankki
articles-intro = Hyviä käytäntöjä, oppaita, pohjia ja raportteja, joita järjestöt ovat kirjoittaneet toisilleen. Saat käyttää niitä lisenssin mukaan.
articles-count = { $count ->
    [one] 1 kirjoitus
   *[other] { $count } kirjoitusta
}
articles-none = Näillä rajauksilla ei löytynyt kirjoituksia.
articles-organization = Kirjoittaja
articles-filter-button = Näytä
articles-filter-any = Ei rajausta
articles-filter-kind-label = Laji
articles-filter-topic-label = Aihe
articles-filter-target_group-label = Kenelle
articles-error-filter = Tätä vaihtoehtoa ei ole. Valitse listalta.
articles-kind-good_practice = Hyvä käytäntö
articles-kind-guide = Opas
articles-kind-template = Pohja
articles-kind-report = Raportti
articles-lang-fi = suomeksi
articles-lang-sv = ruotsiksi
articles-lang-en = englanniksi
search-type-article = Tietopankki
articles-field-kind = Laji
articles-field-updated = Päivitetty
articles-field-authors = Kirjoittajat
articles-updated = päivitetty { $date }
articles-saved = Kirjoitus tallennettu.
articles-deleted = Kirjoitus poistettu.
articles-edit-link = Muokkaa kirjoitusta
articles-topics-label = Aiheet
articles-target_groups-label = Kenelle
articles-licence-label = Lisenssi
articles-licence-cc-by-4-0 = CC BY 4.0 (nimeä tekijä)
articles-licence-cc-by-sa-4-0 = CC BY-SA 4.0 (nimeä tekijä, jaa samoin)
articles-licence-cc0-1-0 = CC0 1.0 (vapaa käyttö)
articles-history-link = Versiohistoria: kuka muutti mitä
articles-related = Samoista aiheista
articles-related-services = Palveluja samoista aiheista
articles-back = Takaisin
articles-history-title = Versiohistoria: { $title }
articles-history-intro = Jokainen tallennus on oma versionsa. Rivit, jotka lisättiin, on merkitty plussalla, ja poistetut miinuksella.
articles-history-version = Versio { $version }
articles-history-someone = Poistettu organisaatio
articles-history-title-changed = Otsikko muuttui
articles-history-added = lisätty
articles-history-removed = poistettu
articles-new-title = Uusi kirjoitus tietopankkiin
articles-edit-title = Muokkaa kirjoitusta
articles-new-link = Kirjoita tietopankkiin
articles-own-link = Omat kirjoitukset tietopankissa
articles-title-label = Otsikko
articles-kind-label = Laji
articles-lang-label = Kieli, jolla kirjoitus on kirjoitettu
articles-body-label = Teksti
articles-body-hint = Kirjoita Markdownina: ## väliotsikko, **lihavointi**, - luettelo, [linkin teksti](https://osoite.fi). HTML-koodi näkyy tekstinä. Älä kirjoita asiakkaiden tai muiden ihmisten nimiä.
articles-licence-hint = Millä ehdoilla muut saavat käyttää kirjoitusta.
articles-note-label = Mitä muutit (vapaaehtoinen)
articles-note-hint = Näkyy versiohistoriassa, esimerkiksi ”Päivitetty vuoden 2026 ohjeisiin”.
articles-save-button = Tallenna
articles-delete-legend = Poista kirjoitus
articles-delete-hint = Kirjoitus, sen versiot ja liitteet poistetaan pysyvästi.
articles-delete-button = Poista kirjoitus
articles-error-required = Tämä tieto on pakollinen.
articles-error-too-long = Teksti on liian pitkä (enintään { $value } merkkiä).
articles-error-kind = Valitse laji listalta.
articles-error-lang = Valitse kieli listalta.
articles-error-licence = Valitse lisenssi listalta.
articles-error-term = Tuntematon valinta ”{ $value }”.
articles-error-conflict = Joku tallensi kirjoituksesta uudemman version sillä välin, kun muokkasit sitä. Tekstisi on tallessa alla, mutta sitä ei ole vielä tallennettu: katso versiohistoriasta, mitä muuttui, ja tallenna sitten uudelleen.
attachments-error-broken = Kuvaa ei voitu lukea. Tallenna se uudelleen kuvankäsittelyohjelmalla tai puhelimella ja yritä sitten uudelleen.
portfolio-error-broken = Kuvaa ei voitu lukea. Tallenna se uudelleen kuvankäsittelyohjelmalla tai puhelimella ja yritä sitten uudelleen.
projects-form-funders-required = Valitse vähintään yksi rahoittaja.
municipality-on-this-page = Tällä sivulla
networks-projects = Jäsenten käynnissä olevat hankkeet
networks-projects-none = Jäsenillä ei ole käynnissä hankkeita hankerekisterissä.
networks-articles = Jäsenten uusimmat kirjoitukset tietopankissa
networks-articles-none = Jäsenet eivät ole vielä kirjoittaneet tietopankkiin.
articles-error-nesting = Lainauksia ja luetteloita on sisäkkäin liian monta (enintään { $value }).

## Project register: loading a spreadsheet
projects-import-title = Tuo hankkeita taulukosta
projects-import-link = Tuo hankkeita taulukosta (CSV)
projects-import-file-title = Valitse tiedosto
projects-import-intro = Tuo alueen nykyinen hankelista CSV-tiedostona: yksi rivi kutakin hanketta kohden. Tiedosto tarkistetaan ensin, eikä mitään tallenneta ennen kuin kaikki rivit ovat kunnossa ja hyväksyt tuonnin. Saman tiedoston tuominen uudelleen päivittää samat hankkeet (sarake key).
projects-import-file-label = CSV-tiedosto
projects-import-file-hint = UTF-8-muotoinen CSV, erottimena pilkku tai puolipiste, enintään 5 Mt ja 5 000 riviä. Voit tuoda vain oman organisaatiosi vetämiä hankkeita.
projects-import-check-button = Tarkista tiedosto
projects-import-no-file = Valitse tuotava CSV-tiedosto (tiedostoa ei valittu tai se on tyhjä).
projects-import-rejected = { $count ->
    [one] Tiedostossa on 1 virhe: mitään ei tallennettu.
   *[other] Tiedostossa on { $count } virhettä: mitään ei tallennettu.
}
projects-import-errors-title = Korjattavat kohdat
projects-import-errors-hint = Korjaa nämä kohdat taulukko-ohjelmassa ja tuo tiedosto uudelleen. Rivi 1 on otsikkorivi.
projects-import-line = Rivi
projects-import-column = Sarake
projects-import-problem = Ongelma
projects-import-more = { $count ->
    [one] …ja 1 virhe lisää.
   *[other] …ja { $count } virhettä lisää.
}
projects-import-preview-title = Tiedosto on kunnossa: tarkista mitä tuonti tekee
projects-import-done-title = Hankkeet tuotiin
projects-import-added = { $count ->
    [one] 1 uusi
   *[other] { $count } uutta
}
projects-import-updated = { $count ->
    [one] 1 muuttuu
   *[other] { $count } muuttuu
}
projects-import-unchanged = { $count ->
    [one] 1 ennallaan
   *[other] { $count } ennallaan
}
projects-import-added-list = Uudet hankkeet
projects-import-updated-list = Muuttuvat hankkeet
projects-import-nothing = Tiedostossa ei ole mitään uutta: kaikki hankkeet ovat jo rekisterissä tällaisinaan.
projects-import-load-button = Tuo hankkeet rekisteriin
projects-import-to-list = Hankerekisteriin
projects-import-columns-title = Sarakkeet
projects-import-columns-hint = Pakolliset sarakkeet ovat key, name_fi, lead, funders ja starts_on. Listat (kumppanit, rahoittajat, kohderyhmät, kunnat) erotetaan puolipisteellä. Hankerekisterin lataus on valmis pohja.
projects-import-template-link = Lataa hankerekisteri pohjaksi (CSV)
projects-csv-extra-cells = Rivillä on enemmän soluja kuin otsikkorivillä sarakkeita (ylimääräinen ”{ $value }”). Lisää sarakkeelle otsikko tai poista solu.
projects-csv-no-rows = Tiedostossa on vain otsikkorivi: yhtään hanketta ei ole.
projects-import-changes = Muuttuvat sarakkeet: { $columns }
projects-import-funders-title = Rahoittajat (tunnus tai nimi)
projects-import-target-groups-title = Kohderyhmät (tunnus tai nimi)
projects-csv-duplicate-column = Sarake ”{ $value }” on otsikkorivillä useammin kuin kerran.
projects-csv-bad-key = Tunnuksessa on ohjausmerkki tai näkymätön merkki: käytä vain kirjaimia, numeroita ja välimerkkejä.
