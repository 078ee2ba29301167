site-name = Kolmonen
home-tagline = The third sector supporting people into work
language-name = In English
language-switch = Language
skip-to-content = Skip to content
nav-main = Main menu
nav-home = Home
nav-opportunities = Open places
nav-organizations = Organizations
nav-municipalities = Municipalities
breadcrumbs = You are here
search-label = Search all of Kolmonen
search-button = Search
search-title = Search
search-results-count = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
search-empty-words = Nothing found for “{ $word }”. Try a shorter word, remove a filter, or browse open places and organizations.
search-empty-filters = Nothing found with these filters. Remove one, or browse open places and organizations.
search-empty-words-filters = Nothing found for “{ $word }” with these filters. Remove a filter, try a shorter word, or browse open places and organizations.
search-page-beyond = There is no page { $page }: { $pages ->
    [one] the search has only one page
   *[other] the search has { $pages } pages
}. This is the last one.
list-page-beyond = There is no page { $page }: { $pages ->
    [one] the list has only one page
   *[other] the list has { $pages } pages
}. This is the last one.
footer-about = Kolmonen is the shared directory of associations, foundations and cooperatives that help job seekers into work, and of the people who support them.
footer-open-data = Open data and API
home-lead = Find what non-profits do, their services, and open places for work trials, wage-subsidised jobs and volunteering, all in one place.
home-search-label = What are you looking for?
home-search-hint = For example animals, weaving, café or work trial
home-newest-opportunities = Newest open places
home-organizations = Organizations
home-join-title = For organizations
home-join-text = Does your association, foundation or cooperative help people towards work? Kolmonen brings everyone together, so that job seekers, job coaches and municipalities find you.
organizations-all = { $count ->
    [one] See all organizations (1)
   *[other] See all { $count } organizations
}
opportunities-all = { $count ->
    [one] See all open places (1)
   *[other] See all { $count } open places
}
organizations-title = Organizations
organizations-count = { $count ->
    [0] No organizations
    [one] 1 organization
   *[other] { $count } organizations
}
opportunities-title = Open places
opportunities-count = { $count ->
    [0] No places
    [one] 1 place
   *[other] { $count } places
}
open-opportunities-count = { $count ->
    [0] no open places
    [one] 1 open place
   *[other] { $count } open places
}
municipalities-title = Municipalities
municipality-no-opportunities = There are no open places in this municipality right now.
municipality-no-services = This municipality has no services in Kolmonen yet.
municipality-no-organizations = This municipality has no organizations in Kolmonen yet.
municipality-all-opportunities = All places in this municipality
municipality-all-organizations = All organizations in this municipality
municipality-projects-title = Ongoing projects
municipality-no-projects = Kolmonen knows of no ongoing projects in this municipality.
municipality-all-projects = All ongoing projects in this municipality ({ $count })
municipality-all-services = All services and activities in this municipality
filter-legend = Narrow the list
filter-municipality = Municipality
filter-all-municipalities = All municipalities
filter-type = Type of place
filter-all-types = All types
filter-open-only = Only places you can apply for now
filter-apply = Show
pager-nav = Pages
pager-prev = Previous page
pager-next = Next page
pager-label = Page { $page } of { $pages }
kind-organization = Organization
kind-activity = Activity
kind-service = Service
kind-activity-explanation = An activity is run by the organization itself, usually free of charge, and you can join without a referral.
kind-service-explanation = A service is produced by the organization and can be bought for a client by the municipality, the wellbeing services county or the employment services.
legal-form-association = Association
legal-form-foundation = Foundation
legal-form-cooperative = Cooperative
legal-form-social_enterprise = Social enterprise
legal-form-municipality = Municipality
legal-form-parish = Parish
legal-form-company = Company
legal-form-other = Other
badge-verified = Verified organization
fresh-checked = Checked { $date }
fresh-stale = Last checked { $date }; this may be out of date
fallback-in-finnish = (in Finnish)
fallback-in-swedish = (in Swedish)
fallback-in-english = (in English)
tag-free = Free
tag-low-threshold = Low threshold
tag-part-time = Part-time
places-free = { $count ->
    [one] 1 place free
   *[other] { $count } places free
}
hours-per-week-value = { $count } h/week
status-open = Open for applications
status-full = All places taken
status-closed = Applications closed
offered-by = Offered by
what-is-this = What is this?
section-locations = Locations
section-services = Services and activities
section-opportunities = Places
section-open-opportunities = Open places
section-contacts = Contact
section-tasks = What you do
section-requirements = Who it suits and what is needed
section-where = Where
section-how-to-apply = How to apply
apply-ask-organization = Ask the organization about the place:
apply-see-organization = Ask the organization about the place; its contact details are on its page:
field-legal-form = Type
field-business-id = Business ID
field-website = Website
field-email = E-mail
field-address = Address
field-phone = Phone
field-areas-served = Area served
field-networks = Networks
field-target-groups = For whom
field-topics = Topics
field-languages = Languages
field-cost = Cost
field-low-threshold = Coming along
field-eligibility = Eligibility
field-age = Age
field-schedule = Opening hours
field-how-to-get-there = How to get there
field-funding = Funding
field-accessibility = Accessibility
field-places = Places free / total
field-hours-per-week = Working hours
field-part-time = Part-time
field-starts = Starts
field-apply-by = Apply by
field-suits = Especially suits
yes = Yes
no = No
yes-low-threshold = Low threshold: come without a referral or an appointment
no-referral-needed = Ask the organization or your job coach for guidance
cost-ask = Ask the organization for the price
language-fi = Finnish
language-sv = Swedish
language-en = English
language-ru = Russian
language-ar = Arabic
language-so = Somali
language-et = Estonian
language-uk = Ukrainian
language-fa = Persian
language-selkokieli = Plain Finnish
error-not-found-title = Page not found
error-not-found-message = The page you are looking for does not exist or has been removed. Check the address or start from the home page.
error-bad-request-title = Bad request
error-bad-request-message = The address had something we did not understand, for example an unknown municipality or page number. Check the address or go back.
error-internal-title = Something went wrong
error-internal-message = An error happened in the service. Please try again in a moment.
error-unavailable-title = The service is not available right now
error-unavailable-message = Please try again in a moment.
error-forbidden-title = Not allowed
error-forbidden-message = You are not allowed to do this. If you should be, the form may have been open too long: go back, reload the page and try again.
error-too-large-title = Too much at once
error-too-large-message = What you sent is larger than we accept. Shorten it and try again.
error-method-title = Nothing to show here
error-method-message = This address takes only forms sent from our pages. Go back to the page you came from, or start from the home page.
error-timeout-title = This took too long
error-timeout-message = The server did not answer in time. Try again in a moment.
error-back-home = Go to the home page
hsds-taxonomy-target-group = Kolmonen target groups: whom a service or place is meant for.
hsds-taxonomy-topic = Kolmonen topics and interests.
hsds-taxonomy-opportunity-type = Kolmonen opportunity types: work trial, wage subsidy, rehabilitative work, volunteering, apprenticeship and job.
hsds-taxonomy-service-kind = Activity (the organization's own activity) or service (a purchasable service).
hsds-taxonomy-property = Kolmonen fields that have no HSDS field of their own; the value is in the attribute's value.
hsds-api-title = Kolmonen – Open Referral HSDS 3.0 API

# Search (issue 4)
search-error-title = Check your search
search-error-lang = The language can be fi, sv or en.
search-error-type = The type can be service, opportunity, organization, event, project or article.
search-error-near = We don't know that place. Type a postal code (e.g. 15140), a municipality or a town.
search-error-radius = The distance must be 0–1500 km.
search-error-sort = The order can be relevance, distance, newest or apply_by.
search-error-number = The page number must be a positive whole number.
search-near-label = Near
search-near-hint = Postal code or town
search-radius-label = At most
search-radius-any = Any distance
search-sort-label = Order
search-sort-relevance = Best match first
search-sort-distance = Nearest first
search-sort-newest = Newest first
search-sort-apply_by = Closing soonest first
search-filters-title = Narrow the search
search-facet-chosen = chosen, remove it
search-active-filters = Filters
search-remove-filter = Remove filter { $filter }
search-unmatched = We found nothing for “{ $word }”, so we searched without it.
search-near-place = Distances are measured from { $place }.
search-place-from-words = Searched within { $radius } km of { $place }.
search-without-filter = Without the filter { $filter }: { $count ->
    [one] one result
   *[other] { $count } results
}
search-distance = { $km } km
search-facet-q = Words
search-facet-near = Near
search-facet-radius_km = At most
search-facet-type = What you look for
search-facet-kind = Which kind
search-kind-activity = The organization's own activity
search-kind-service = Service that can be bought
search-facet-municipality = Municipality
search-facet-region = Region
search-facet-target_group = For whom
search-facet-topic = Topic
search-facet-language = Language
search-facet-cost = Cost
search-facet-part_time = Part-time
search-facet-accessible = Accessibility information
search-facet-low_threshold = Low threshold
search-facet-open = Open places
search-type-service = Service or activity
search-type-opportunity = Open place
search-type-organization = Organization
search-type-event = Event
search-type-project = Project
search-cost-free = Free
search-cost-paid = Paid
search-flag-part_time = Part-time
search-flag-accessible = Accessibility information
search-flag-low_threshold = Low threshold
search-flag-open = Open places

## Accounts
account-error-email = This is not an e-mail address. Check the address, for example name@example.fi.
account-error-organization-needed = This role acts for an organization: choose the organization.
account-error-no-such-organization = We can't find that organization. Check the id.
account-error-taken = There is already an account with this e-mail address.
password-error-short = The password needs at least 8 characters.
password-error-long = The password can have at most 128 characters.
password-error-common = This is one of the most common passwords and easy to guess. Choose another, for example a sentence of a few words.
password-error-name = The password must not contain the organization's name or the e-mail address.
password-error-site = The password must not contain the name of this site (Kolmonen). Choose another, for example a sentence of a few words.
password-error-repeated = The password cannot be one character repeated or only spaces. Choose, for example, a sentence of a few words.

## Signing in and the account
nav-account = Your account
nav-signing-in = Signing in
nav-cancel-sign-in = Cancel
nav-messages-unread = { $count ->
    [0] Messages
    [one] Messages (1 new)
   *[other] Messages ({ $count } new)
}
nav-login = Sign in
form-error-title = Please check these
login-title = Sign in
login-email-label = E-mail address
login-password-label = Password
login-button = Sign in
login-forgot = Forgot your password?
login-no-account = No account yet?
login-signup-link = Sign up
login-error-refused = The e-mail address or the password is not right. Check them and try again.
login-error-unconfirmed = Your e-mail address is not confirmed yet. We sent you a new link: open it, then sign in.
login-error-throttled = Too many tries. For your safety, try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
login-throttled-reset = If the account is yours, you can get in at once: change the password with the link we e-mail you, and this browser is remembered, so others' tries no longer keep you out.
login-signed-out = You have signed out.
logout-button = Sign out
account-title = Your account
account-email = E-mail address
account-role = Role
account-organization = Organization
account-password-title = Change your password
account-current_password-label = Current password
account-new_password-label = New password
account-new_password-hint = At least 8 characters. A sentence of a few words is easy to remember and hard to guess.
account-password-button = Change the password
account-password-changed = Your password has been changed. You were signed out everywhere else.
account-delete-title = Delete your account
account-delete-text = Your account and everything in it is deleted for good. This cannot be undone.
account-delete_password-label = Your password, to confirm
account-delete-button = Delete my account
account-deleted = Your account has been deleted.
account-error-wrong-password = The password is not right.
role-job_seeker = Job seeker
role-organization_member = Member of an organization
role-organization_admin = Organization admin
role-network_coordinator = Network coordinator
role-platform_admin = Platform admin
role-data_protection_officer = Data protection officer
login-confirmed = Your e-mail address is confirmed. You can sign in now.
login-reset = Your password has been changed and you were signed out everywhere. Sign in with the new password.
signup-title = Sign up
signup-intro = With an account you can keep your own profile and show your interest in opportunities. Organizations register themselves with the organization form.
signup-email-label = E-mail address
signup-email-hint = We send a link to this address to confirm that it is yours. Nobody else sees it.
signup-password-label = Password
signup-password-hint = At least 8 characters. A sentence of a few words is easy to remember and hard to guess.
signup-button = Sign up
signup-have-account = Have an account already?
signup-sent = Thank you! Check your e-mail: we sent a link to confirm your address. The link works for 48 hours. If nothing comes, look in the spam folder.
confirm-title = Confirm your e-mail address
confirm-text = Press the button to confirm that this address is yours. After that you can sign in.
confirm-button = Confirm my address
link-expired-title = This link no longer works
account-error-link-expired = The link has been used already or it has expired. Ask for a new one: sign up again or reset your password.
reset-title = Forgot your password?
reset-intro = Type the e-mail address of your account. We send a link to it for choosing a new password; the link works for one hour.
reset-email-label = E-mail address
reset-button = Send the link
reset-sent = If there is an account with that address, we sent a link to it. Check your e-mail, also the spam folder.
reset-new-title = Choose a new password
reset-new-button = Save the new password
throttled-title = Too many tries
throttled-text = Please wait { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
} and try again.
mail-confirm-subject = Confirm your e-mail address for Kolmonen
mail-confirm-body = Hello,

    someone (probably you) signed up for Kolmonen with this address. Open this link to confirm it:

    { $link }

    The link works for 48 hours. If you did not sign up, you can ignore this message.

    Kolmonen
mail-exists-subject = You already have a Kolmonen account
mail-exists-body = Hello,

    someone (probably you) tried to sign up for Kolmonen with this address, but it has an account already. Sign in here:

    { $link }

    If you have forgotten your password, choose "Forgot your password?" on that page. If it was not you, you can ignore this message.

    Kolmonen
mail-reset-subject = A new password for Kolmonen
mail-reset-body = Hello,

    someone (probably you) asked for a new password for the Kolmonen account of this address. Choose a new password here:

    { $link }

    The link works for one hour and once. If you did not ask for it, you can ignore this message: your password stays as it is.

    Kolmonen
form-choose = Choose…
form-save = Save
form-saved = Saved. The changes show in search at once.
deleted-user = deleted user
account-register-link = Register your organization
account-edit-organization = Edit your organization's profile
account-queue-link = Organizations waiting for verification
register-title = Register an organization
register-intro = One form for every association, foundation, cooperative and social enterprise. After registering you can add your services and open places; a coordinator verifies the organization.
register-name-label = Name of the organization
register-legal_form-label = Type
register-business_id-label = Business ID (Y-tunnus)
register-business_id-hint = For example 0737546-2. Leave empty if the organization has none.
register-contact_name-label = Contact person
register-contact_name-hint = Shown only to the coordinators who verify the organization.
register-municipality-label = Home municipality
register-description-label = What the organization does
register-description-hint = A few sentences: what you do, for whom, where. You can add Swedish and English later.
register-button = Register
register-done = The organization is registered and you are its admin. Complete the profile; a coordinator will verify it.
register-done-second-factor = The organization is registered and you are its admin. As you now look after its details, you first set up a second factor. Then you complete the profile, and a Kolmonen coordinator verifies the organization.
register-has-organization = Your account acts for an organization already. To register another one, sign up with another e-mail address.
register-same-business-id-text = An organization with this business ID is in Kolmonen already. Ask its admin to invite you:
register-similar-text = Organizations with a similar name are in Kolmonen already. Is yours one of these? If so, ask its admin to invite you.
register-different-label = My organization is none of these: register it
register-error-name = Give the name of the organization (at least 2 characters).
register-error-name-long = The name can have at most 200 characters.
register-error-legal-form = Choose the type of the organization.
register-error-business-id-format = A business ID has seven digits, a hyphen and a check digit, for example 0737546-2.
register-error-business-id-check = The check digit of the business ID does not match. Check the number.
register-error-contact = Give a contact person.
register-error-contact-long = The contact person can have at most 100 characters.
register-error-municipality = Choose the home municipality.
register-error-description = Tell in at least 20 characters what the organization does.
register-error-description-long = The description can have at most 4,000 characters.
register-error-same-business-id = This business ID belongs to an organization in Kolmonen already.
queue-title = Organizations waiting for verification
queue-verified = The organization is verified.
queue-empty = No organization is waiting.
queue-registered = Registered
queue-verify-button = Verify
profile-title = Edit the profile
profile-not-verified = Not verified yet: a coordinator will check the organization.
profile-name-label = Name of the organization
profile-legal_form-label = Type
profile-business_id-label = Business ID (Y-tunnus)
profile-description_fi-label = What the organization does, in Finnish
profile-description_sv-label = In Swedish
profile-description_en-label = In English
profile-website-label = Website
profile-website-hint = Starts with https://
profile-email-label = Public e-mail address
profile-phone-label = Phone
profile-error-website = Give a web address that starts with https:// or http://.
profile-error-phone = Give a phone number with digits, for example +358 40 123 4567.
history-title = History of changes
history-empty = No changes yet.
history-kind-organization = Profile
history-kind-service = Service
history-kind-opportunity = Opportunity
history-kind-location = Place
field-name = Name
field-description-fi = Description (fi)
field-description-sv = Description (sv)
field-description-en = Description (en)
edit-error-one-line = Write this on one line, without line breaks, control characters or invisible characters.
edit-error-too-long = This is too long. Shorten it.
edit-error-unknown-choice = Choose from the list.
edit-error-name = Give a name in Finnish (at least 2 characters).
edit-error-description = Describe it in Finnish in at least 10 characters.
edit-error-kind = Choose one.
edit-error-places-free = There cannot be more free places than places in all.
edit-error-number = Give a whole number from 0 to 1,000.
edit-error-hours = Give the hours per week as a whole number from 1 to 60, or leave it empty.
edit-error-date = Give the date as day.month.year, for example 7.1.2027.
edit-error-no-such-date = There is no such day in the calendar. Check the day, month and year (years 2000–2100), for example 7.1.2027.
edit-warning-apply-by-past = The apply-by date has passed, so the place shows as closed everywhere. If applications continue, change the apply-by date to a day to come.
desk-title = Your organization's desk
desk-new-service = Add a service or activity
desk-new-opportunity = Add an open place
desk-edit-service = Edit the service
desk-edit-opportunity = Edit the open place
desk-public-page = Public page
desk-profile = Profile
desk-records = Services and open places
desk-empty = Nothing yet. Add your first service or open place.
desk-edit = Edit
desk-confirm-button = Up to date
desk-confirmed = Thank you! Marked as checked today.
account-desk-link = Your organization's services and open places
edit-none = None
edit-name_fi-label = Name in Finnish
edit-name_sv-label = Name in Swedish
edit-name_en-label = Name in English
edit-title_fi-label = Title in Finnish
edit-title_sv-label = Title in Swedish
edit-title_en-label = Title in English
edit-description_fi-label = Description in Finnish
edit-description_sv-label = Description in Swedish
edit-description_en-label = Description in English
edit-kind-label = Kind
edit-schedule-label = Opening hours
edit-schedule-hint = For example: Mon–Thu 9–15
edit-free-label = Free of charge
edit-low_threshold-label = Low threshold: come as you are, no referral needed
edit-topics-label = Topics
edit-target_groups-label = For whom
edit-locations-label = Where
edit-locations-hint = The service is found on the pages of the municipalities where its places are, and by municipality in search.
edit-locations-add = Your organization has no places yet: add a place
edit-warning-no-place = The service has no place, so it is on no municipality's page and not found by municipality. Choose a place for it.
edit-status-label = Status
edit-places_total-label = Places in all
edit-places_free-label = Places free
edit-places_free-hint = When no place is free, the place is shown as full.
edit-hours_per_week-label = Hours per week
edit-starts_on-label = Starts
edit-starts_on-hint = For example 7.1.2027 (day.month.year).
edit-apply_by-label = Apply by
edit-apply_by-hint = The last day to apply, for example 7.1.2027. After it the place shows as closed.
edit-how_to_apply-label = How to apply
edit-location-label = Place
edit-location-none-hint = Your organization has no places yet. Add one on the desk, and you can choose it here.
edit-service-label = Part of the service
edit-part_time-label = Part-time
field-name-fi = Name (fi)
field-name-sv = Name (sv)
field-name-en = Name (en)
field-title-fi = Title (fi)
field-title-sv = Title (sv)
field-title-en = Title (en)
field-kind = Kind
field-free = Free of charge
field-locations = Places
field-location = Place
field-service = Service
field-status = Status
field-places-total = Places in all
field-places-free = Places free
field-starts-on = Starts
field-how-to-apply = How to apply
field-last-verified-at = Checked
second-factor-title = Type the code from your app
second-factor-text = Open your authenticator app and type the six-digit code it shows for Kolmonen. If you have lost your phone, type one of your recovery codes.
second-factor-setup-title = Set up your authenticator app
second-factor-setup-text = Besides your password, you will sign in with a code from an authenticator app (for example Google Authenticator, Microsoft Authenticator or FreeOTP), so that nobody gets into your account with the password alone. Scan this code with the app:
second-factor-qr-label = QR code to scan with the authenticator app
second-factor-secret-text = Or type this key into the app:
second-factor-open-app = Open in the authenticator app on this device
second-factor-code-label = Code
second-factor-code-hint = Six digits, or a recovery code
second-factor-button = Continue
second-factor-error = The code is not right or has been used. Type the code the app shows now.
recovery-title = Save your recovery codes
recovery-text = If you lose your phone, each of these codes signs you in once instead of the app. Save them somewhere safe now: they are shown only this once.
recovery-continue = I have saved them: go to my account
report-link = Report an error in this information
report-title = Report an error
report-intro = Tell what is wrong or out of date. The organization and the network's coordinators see your message. You do not need an account.
report-message-label = What is wrong?
report-message-hint = For example: the opening hours have changed, the phone number does not answer.
report-contact_email-label = Your e-mail address (if you want an answer)
report-contact_email-hint = Optional. Used only to answer you, and deleted when the report has been handled.
report-button = Send
report-sent = Thank you! Your report was sent to the organization and the coordinators.
report-error-message = Tell in at least 10 characters what is wrong.
reports-title = Reported errors
reports-open = Reported errors
reports-empty = No open reports.
reports-record = The record
reports-contact = Reply to
reports-resolve-button = Handled
reports-resolved = Marked handled.
members-title = Members
members-invite-title = Invite a member
members-invite-text = We send the person a link. They sign in (or sign up) with this address and accept; then they can edit your services and open places.
members-email-label = E-mail address
members-invite-button = Send the invitation
members-invited = The invitation was sent. The link works for a week.
members-error-already = This address already has an account in this organization: no invitation is needed.
members-error-unverified = Invitations can be sent once Kolmonen's coordinator has verified the organization.
members-remove-button = Remove
members-removed = The member was removed and signed out.
invite-title = Join { $organization }
invite-text = You have been invited to join { $organization } as a member, with the address { $email }.
invite-sign-in-first = You have been invited to join { $organization } as a member. Sign in with { $email } (or sign up with it first), then open this link again.
invite-button = Join as a member
invite-expired = This invitation has been used or has expired. Ask the organization's admin for a new one.
invite-refused-title = The invitation cannot be accepted
invite-other-address = The invitation was sent to another e-mail address. Sign in with the address it was sent to.
mail-invite-subject = Invitation to { $organization } in Kolmonen
mail-invite-body = Hello,

    you have been invited to join { $organization } in Kolmonen, where organizations keep their services and open places up to date. Accept here:

    { $link }

    The link works for a week. If you do not know the organization, you can ignore this message.

    Kolmonen
mail-freshness-subject = Please check your information in Kolmonen
mail-freshness-body = Hello,

    { $count ->
        [one] one record
       *[other] { $count } records
    } of { $organization } in Kolmonen { $count ->
        [one] has
       *[other] have
    } not been confirmed for six months. Please check that everything is still right, and press "Up to date" (or edit):

    { $link }

    After a year without confirmation, records are marked out of date in search.

    Kolmonen
mail-stale-subject = Your information in Kolmonen is marked out of date
mail-stale-body = Hello,

    { $count ->
        [one] one record
       *[other] { $count } records
    } of { $organization } in Kolmonen { $count ->
        [one] has
       *[other] have
    } not been confirmed for a year and { $count ->
        [one] is
       *[other] are
    } now marked out of date in search. Confirming takes one click:

    { $link }

    Kolmonen
desk-new-location = Add a place
desk-edit-location = Edit the place
desk-places = Places
desk-no-places = No places yet. Add the address where people come, so that search can tell how far it is.
edit-place-name-label = Name of the place (if it has one)
edit-street-label = Street address
edit-postal_code-label = Postal code
edit-postal_code-hint = Five digits. The municipality comes from it.
edit-accessibility-label = Accessibility
edit-accessibility-hint = For example: step-free entrance, lift, accessible toilet.
place-error-street = Give the street address.
place-error-postal-code = Give a Finnish postal code of five digits, for example 15140.
field-street = Street address
field-postal-code = Postal code
account-email-title = Change your e-mail address
account-new_email-label = New e-mail address
account-new_email-hint = We send a link to the new address; the change happens when you open it.
account-email_password-label = Your password, to confirm
account-email-button = Change the address
account-email-sent = Check the new address: we sent a link to it. The change happens when you open the link; until then your old address stays.
login-email-changed = Your e-mail address has been changed and you were signed out everywhere. Sign in with the new address.
confirm-email-title = Confirm your new e-mail address
confirm-email-text = Press the button to move your account to this address. You will be signed out everywhere and sign in with the new address.
mail-new-email-subject = Confirm your new e-mail address for Kolmonen
mail-new-email-body = Hello,

    someone (probably you) asked to move a Kolmonen account to this address. Open this link to confirm:

    { $link }

    The link works for 48 hours. If it was not you, you can ignore this message.

    Kolmonen
mail-email-changing-subject = Your Kolmonen address is being changed
mail-email-changing-body = Hello,

    someone signed in to your Kolmonen account asked to move it to another e-mail address. The change happens only when the link sent to the new address is opened.

    If it was not you, sign in and change your password now: { $link }

    Kolmonen
home-join-how = Sign up with your e-mail address, then register your organization with one form. A coordinator verifies it.
account-second-factor-title = Two-step verification
account-second-factor-on = You sign in with a code from an authenticator app as well as your password.
account-second-factor-text = Besides your password, we ask for a code from the authenticator app on your phone. You set the app up on the next page; until then you are signed out. Nobody gets into your account with the password alone.
account-second_factor_password-label = Your password, to confirm
account-second-factor-button = Turn it on
account-sessions-title = Where you are signed in
account-session-started = Signed in
account-session-used = last used
account-session-this = this browser
account-sessions_password-label = Your password, to confirm
account-sessions-button = Sign out everywhere else
account-sessions-ended = You were signed out everywhere else.

## People: own profile, matches, audit (issue 6)
language-ku = Kurdish
language-sq = Albanian
language-vi = Vietnamese
language-th = Thai
language-zh = Chinese
language-es = Spanish
language-fr = French
language-de = German
language-tr = Turkish
language-pl = Polish
language-se = Sámi
nav-me = My profile
nav-matches = Places that suit you
nav-messages = Messages
nav-saved-searches = Saved searches
person-title = My profile
person-intro = Tell about your skills and wishes. You decide who sees your profile. Your e-mail address is never shown: organizations contact you with messages in Kolmonen.
person-not-saved = Your profile has not been saved yet.
person-back = Back to my profile
person-anonymous = Anonymous job seeker
person-visibility-label = Who sees your profile
visibility-private = Only me
visibility-private-hint = Your profile does not appear in searches or to anyone else. When you say you are interested in a place, that organization gets your profile.
visibility-organizations = Verified organizations
visibility-organizations-hint = Signed-in staff of verified organizations find your profile in the talent search.
visibility-public = Everyone
visibility-public-hint = Anyone can see your profile. Your contact details are never shown.
person-display_name-label = Name or nickname (optional)
person-display_name-hint = For example your first name. You can leave it empty.
person-introduction-label = Short introduction
person-introduction-hint = What you can do, what interests you, what kind of work you look for. At most 2,000 characters.
person-municipality-label = Home municipality
person-municipality-none = Not chosen
person-travel_km-label = How far you can travel (km)
person-travel_km-hint = Places farther away are not suggested. Leave empty for no limit.
person-skills-title = Skills
person-skills-hint = Choose skills from the groups. Open a group by selecting its name.
person-skills-label = Skills
person-free_skills-label = Other skills in your own words
person-free_skills-hint = Separate with commas, for example: horseshoeing, choir singing. At most 10.
person-wishes-title = Wishes
person-interests-label = What interests you
person-kinds-label = What kind of place you look for
person-languages-label = Languages you speak
person-availability-title = Availability
person-hours_per_week-label = Hours a week at most
person-hours_per_week-hint = A whole number 1–60. Leave empty for no limit.
person-available_from-label = I can start from
person-available_from-hint = For example 7.1.2027 (day.month.year).
person-age_band-label = Age group (optional)
person-age_band-hint = We keep the age group only, never the date of birth.
person-age-band-none = Prefer not to say
age-band-under-25 = under 25
age-band-25-29 = 25–29
age-band-30-39 = 30–39
age-band-40-49 = 40–49
age-band-50-57 = 50–57
age-band-58-plus = 58 or over
person-part_time-label = I look for part-time
person-pool_58-label = Join the 58+ pool (experienced people aged 58 and over)
person-expert_by_experience-label = I am available as an expert by experience
person-export-title = Download your data
person-export-text = Everything you have written and everything stored about you, as one JSON file.
person-export-button = Download my data (JSON)
person-delete-title = Delete your data for good
person-delete-text = Your account, profile, saved searches, view records and your client records, consents and referrals are deleted at once and cannot be restored. Messages the organizations keep show “deleted user”. Only the log of who processed your data stays, because processing must be shown afterwards: in it you are replaced by a marker that cannot be traced to you.
person-delete-button = Delete all my data
person-delete_password-label = Password
person-error-too-many-skills = Choose at most 40 skills.
person-error-free-skills = Write at most 10 skills, each at most 60 characters.
person-error-travel = Give the distance in kilometres as a whole number 0–300, or leave it empty.
person-error-pool-58 = You can join the 58+ pool when your age group is 58 or over.
person-error-message = Write a message (at most 4,000 characters).
matches-title = Places that suit you
matches-no-profile = You have not filled in your profile yet, so there are no suggestions.
matches-fill-profile = Fill in your profile
matches-edit-profile = Change your wishes
matches-count = { $count ->
    [one] 1 open place suits you.
   *[other] { $count } open places suit you.
}
matches-none = No open places suit you right now. Add interests or skills, or travel farther.
matches-why = Why it suits you:
matches-hide = Hide this suggestion
matches-hidden-count = { $count ->
    [one] You have hidden 1 suggestion.
   *[other] You have hidden { $count } suggestions.
}
matches-unhide = Show hidden ones again
matches-hidden-done = Suggestion hidden.
matches-shown-done = Hidden suggestions are shown again.
match-reason-interest = Matches your interest: { $topics }
match-reason-skill = Uses your skill: { $skill }
match-reason-kind = { $kind }, as you asked
match-reason-same-place = In your home municipality
match-reason-distance = About { $km } km from the centre of your home municipality
match-reason-part-time-hours = Part-time, { $hours } h/week
match-reason-hours = { $hours } h/week
match-reason-too-many-hours = Note: { $hours } h a week, more than the { $yours } h you said
match-reason-part-time = Part-time
match-reason-starts-now = You can start now
match-reason-starts-this-month = Starts this month
match-reason-starts-next-month = Starts next month
match-reason-starts-on = Starts { $date }
match-reason-group-seniors-58 = Meant for people aged 58 and over
match-reason-group-young-people = Meant for young people
fit-reason-interest = Interested in: { $topics }
fit-reason-skill = Can do: { $skill }
fit-reason-kind = Looks for: { $kind }
fit-reason-same-place = Lives in the same municipality
fit-reason-distance = Home municipality centre about { $km } km away
fit-reason-part-time-hours = Can do { $hours } h/week, looks for part-time
fit-reason-hours = Can do { $hours } h/week
fit-reason-too-many-hours = Note: can do { $yours } h a week, the place has { $hours } h
fit-reason-part-time = Looks for part-time
fit-reason-starts-now = Can start now
fit-reason-starts-this-month = Can start this month
fit-reason-starts-next-month = Can start next month
fit-reason-starts-on = Can start { $date }
fit-reason-group-seniors-58 = Aged 58 or over
fit-reason-group-young-people = Young person
audit-title = Who has looked at my data
audit-intro = Every time an organization's worker sees your profile in the talent search, opens it or a conversation, or reads your referral, consents or path, it is noted here.
audit-none = No organization has looked at your profile yet.
audit-when = When
audit-who = Organization
audit-what = Where
audit-unknown-organization = Deleted organization
audit-context-talent = In talent search results
audit-context-profile = Opened your profile
audit-context-thread = In a message thread
audit-context-fit = In the list of people who fit a place
audit-context-portfolio = Opened a file in your portfolio
interest-title = Interested in this place?
interest-already = You have already said you are interested.
interest-open-thread = Open the message thread
interest-sign-in = Sign in or create an account to say you are interested.
interest-signup = Create an account
interest-text = The organization gets your profile as you have saved it, and you can go on with messages in Kolmonen. Your e-mail address is not shown.
interest-message-label = Message to the organization (optional)
interest-message-hint = For example when you could start. At most 4,000 characters.
interest-no-profile = You have not saved a profile yet, so the organization sees only your message. Tell about yourself in the message, or save a profile first.
interest-make-profile = Make a profile
interest-button = I'm interested
interest-closed-title = Applications are not open
interest-closed-text = You cannot say you are interested in this place now: applications have closed or the places are filled. See other open places.
interest-staff-title = Interest is shown from a job seeker's account
interest-staff-text = You are signed in with an organization's account. People working for organizations cannot express interest in places; a job seeker does it with their own account.
thread-mail-body = There is something new for you in Kolmonen. Read it here (sign in first):
    { $link }
thread-mail-interest = Kolmonen: someone is interested in your place
thread-mail-message = Kolmonen: new message
thread-mail-status = Kolmonen: the status of your interest changed
thread-sent = Sent.
interest-sent-next = Your interest has been sent. The organization staff who handle applications for this place read it; an answer usually comes within a few working days. Answers appear in this conversation and on the Messages page, and you get an e-mail when one arrives.
thread-status-saved = Status saved. The person sees it.
thread-deleted-user = Deleted user
thread-you = You
thread-status-new = New
thread-status-contacted = Contacted
thread-status-agreed = Agreed
thread-status-not_this_time = Not this time
thread-title-person = Messages: { $organization }
thread-title-organization = Messages: { $person }
thread-about = Place
thread-no-opportunity = No particular place
thread-organization = Organization
thread-status = Status
thread-person-deleted = The person has deleted their data. The messages stay but can no longer be answered.
thread-shared-person = What you shared with the organization
thread-shared-organization = The profile the person shared
thread-no-profile = The person had no saved profile.
thread-messages = Messages
thread-no-messages = No messages yet.
thread-reply-label = Write a message
thread-reply-hint = The message stays in Kolmonen. The other side only gets a notice by e-mail.
thread-send = Send
thread-status-title = Status of the interest
thread-status-legend = Mark the status (the person sees it)
thread-status-button = Save status
thread-error-deleted = The person has deleted their data, so the message cannot be sent.
threads-title-person = Messages
threads-intro-person = Places you are interested in, and organizations' messages to you.
threads-title-organization = Interested people: { $organization }
threads-intro-organization = People interested in your places, and messages you have sent from the talent search.
threads-none = No message threads yet.
threads-with = With
threads-latest = Latest
person-pool-58-badge = 58+ pool
person-expert-badge = Expert by experience
nav-talent = Talent search
talent-title = Talent search
talent-intro = Job seekers who let verified organizations see their profile. Every view of a profile is recorded, and the person sees which organization looked. Contact goes through messages in Kolmonen.
talent-for-opportunity = Best fits first for the place:
talent-refused-title = The talent search is for staff of verified organizations
talent-refused-text = Members and admins of verified organizations can use the talent search. If your organization is registered but not verified yet, the network's coordinator verifies it.
talent-q-label = Search words
talent-q-hint = For example a skill or a word from the introduction: cooking, bicycle.
talent-skill-label = Skill
talent-interest-label = Interest
talent-municipality-label = Home municipality
talent-near-label = Near a place
talent-near-hint = Postal code or town.
talent-radius_km-label = Distance at most (km)
talent-min_hours-label = Hours a week at least
talent-any = Any
talent-available_now-label = Can start now
talent-pool_58-label = 58+ pool
talent-expert-label = Experts by experience
talent-search = Search
talent-why = Why they fit:
talent-count = { $count ->
    [0] No results.
    [one] 1 person
   *[other] { $count } people
}
person-page-note = Contact details are never shown. Organizations can send a message in Kolmonen.
person-contact-title = Send a message
person-contact-text = The message stays in Kolmonen, and the person gets a notice by e-mail. You do not see their e-mail address and they do not see yours.
person-contact-place = Which place the message is about
nav-interests = Interested people and messages
desk-fit = People who fit this place
person-demo-label = Example
person-demo-value = Invented example profile (demo), not a real person
alerts-title = Saved searches
alerts-intro = Once a day you get by e-mail the new open places that match a saved search. Every message has a link that stops the alerts without signing in.
alerts-none = You have no saved searches. Search and choose “Save this search”.
alerts-go-search = Go to search
alerts-delete = Delete
alerts-saved = Search saved. You will hear when new places come.
alerts-deleted = Search deleted.
alerts-save-button = Save this search and get new places by e-mail
alerts-everything = All open places
alerts-error-query = The search could not be saved. Search again and then try.
alerts-error-too-many = You can keep at most 20 searches. Delete an old one first.
alerts-unsubscribe-title = Stop search alerts
alerts-unsubscribe-text = The alerts of this search stop when you press the button. No sign-in needed.
alerts-unsubscribe-button = Stop the alerts
alerts-unsubscribed = The alerts have stopped. You will get no more e-mail about this search.
alerts-mail-subject = { $count ->
    [one] Kolmonen: 1 new place for your search
   *[other] Kolmonen: { $count } new places for your search
}
alerts-mail-body = New open places have come to your saved search:

    { $list }

    The whole search: { $link }

    Stop the alerts of this search: { $unsubscribe }
portfolio-title = My work
portfolio-intro = You can add up to 6 images or PDF files of your own work. They are seen by those who see your profile and by organizations you have said you are interested in.
portfolio-caption-label = Caption
portfolio-caption-hint = What the image or file shows, for example “A rag rug I wove”. At most 200 characters.
portfolio-file-label = File
portfolio-file-hint = A PNG or JPEG image or a PDF, at most 900 kB.
portfolio-upload = Add
portfolio-pdf = PDF
portfolio-error-full = You already have 6 works. Delete one before adding a new one.
portfolio-error-file = Choose a file.
portfolio-error-size = The file is too large. At most 900 kB.
portfolio-error-type = Only PNG and JPEG images and PDF files are accepted.
portfolio-error-caption = Write a caption (at most 200 characters).
person-as-others-see = See your profile as others see it
fact-skills = Skills
fact-interests = Interests
fact-kinds = Looks for
fact-languages = Languages
fact-municipality = Home municipality
fact-travel = Can travel (km)
fact-hours = Hours a week at most
fact-part-time = Looks for part-time
fact-available = Can start

## A result list to take along (issue 16)
share-title = Take the list with you
share-link-label = Link to this list
share-copy = Copy link
share-copied = Link copied.
share-csv = Download the whole list as CSV (at most 1,000 rows)
csv-kind = Kind
csv-name = Name
csv-organization = Organizer
csv-place = Municipality
csv-link = Link
csv-checked = Checked

## Privacy notice (GDPR art. 13) and accessibility statement (Act 306/2019)
legal-controller-unset = the operator of this service (who has not yet added their name and contact details here)
signup-privacy = The privacy notice tells what is stored about you, why and for how long, and what your rights are:
privacy-title = Privacy notice
privacy-controller-h = Controller and contact details
privacy-controller-text = Controller: { $controller }.
    You can send questions and requests about data protection to the controller. The service is at { $link }.
privacy-what-h = What is stored
privacy-what-text = Account: e-mail address, a hash of the password (not the password itself), times of sign-ins, and for organizations' people the second-factor secret and recovery codes, encrypted.
    A job seeker's profile, if you fill it in: display name, introduction, skills, interests, languages, home municipality, wishes about travel, hours and start, age band, the 58+ pool, visibility, portfolio images and saved searches.
    Messages: expressions of interest and messages with organizations, and the copy of your profile you shared with an interest.
    A log of which organization has viewed your profile and when. Organizations' details are public and not personal data, except the name of the contact person given at registration.
privacy-why-h = Why the data is processed
privacy-why-text = The account and messages are needed for you to use the service (contract, GDPR article 6(1)(b)).
    Your profile is shown to organizations or to everyone only if you choose so (consent, article 6(1)(a)). You can withdraw consent by making the profile private or deleting it.
    The view log and sign-in data are kept so that the use of your data can be checked and accounts protected (legitimate interest, article 6(1)(f)).
privacy-who-h = Who sees the data
privacy-who-text = Your profile is seen only by those you chose: signed-in people of verified organizations, or everyone. Your e-mail address is shown to no one; organizations contact you with a message through the service.
    A message is seen by you and the people of the organization you write with. The data is not sold, not given to others and not transferred outside the EU and EEA.
privacy-how-long-h = How long the data is kept
privacy-how-long-text = Account and profile data are kept until you delete your account; deletion is final at once. Your messages and the copies of your shared profile go with it. The organization keeps its own messages and the fact that the conversation took place.
    A sign-in session ends after 12 hours at most and after 30 minutes without use. Copies of sent e-mails are deleted after a week.
privacy-rights-h = Your rights
privacy-rights-text = You can see and correct your data on your own page, download all your data as one file (right of access and to data portability) and delete your account (right to erasure). Your own page shows which organizations have viewed your profile.
    You can withdraw your consent at any time. You can also object to processing or ask for it to be restricted by contacting the controller.
privacy-security-h = Security
privacy-security-text = The connection to the service is encrypted. Passwords are stored only as hashes, organizations' people use a second factor, and every view of personal data is logged.
privacy-complaint-h = Right to complain
privacy-complaint-text = If you think the processing of your data breaks data protection law, you can complain to the Office of the Data Protection Ombudsman (tietosuoja.fi/en).
accessibility-title = Accessibility statement
accessibility-scope-h = This statement covers Kolmonen
accessibility-scope-text = This statement covers the pages of Kolmonen at { $link }. Operator: { $controller }. Our aim is to meet the AA level of WCAG 2.1, as the Act on the Provision of Digital Services (306/2019) requires.
accessibility-checked-h = How accessibility is checked
accessibility-checked-text = Every change is checked automatically with axe-core in a real browser: every type of page in Finnish, Swedish and English, and the forms also with errors (WCAG 2.1 A and AA). It is also checked that no page has the same id twice.
    The pages work without JavaScript, with a keyboard and on a narrow phone screen, and they have been tried on a screen 390 pixels wide.
accessibility-known-h = Known shortcomings
accessibility-known-text = Texts written by the organizations themselves may be hard to read or only in Finnish; the page then says the text is in Finnish. The automatic check does not find every problem, and the service has not yet been assessed by an outside expert.
accessibility-feedback-h = Give feedback on accessibility
accessibility-feedback-text = If you notice a shortcoming or cannot get some information in an accessible form, tell the operator: { $controller }. We answer within 14 days. The pages of organizations, services and places also have a link to report a mistake.
accessibility-enforcement-h = Enforcement
accessibility-enforcement-text = If you are not satisfied with the answer, you can contact the authority that enforces the accessibility requirements (the Licensing and Supervision Agency, Lupa- ja valvontavirasto; before 2026 the Regional State Administrative Agency for Southern Finland). Guidance: saavutettavuusvaatimukset.fi/en.

## Warm hand-over (issue 18): referrals, clients, consents, the path
referrals-title = Referrals
referrals-back = Back to referrals
referrals-intro-coach = Referrals your organization has sent and received. A referral travels with the client's consent: its summary is encrypted and every read of it is logged.
referrals-intro-self = Your referrals to services and places. You see every step and can withdraw your consents on the page My consents.
referrals-none = No referrals yet.
referral-title = Referral
referral-new-title = New referral
referral-new-intro-coach = The referral takes the client's summary to the receiver, so that they need not tell their story again. Go through the summary together and tick the consents only when the client has read the texts.
referral-new-intro-self = The referral takes your summary to the receiver, so that you need not tell your story again. Write only what you want them to know.
referral-to = To
referral-to-organization = Receiver
referral-from = Sender
referral-from-self = The person themself
referral-client = Client
referral-client-label = Client
referral-client-hint = The client's name or initials as your organization recorded them.
referral-client-choose = Choose a client
referral-add-client = Add a new client
referral-summary-title = Summary
referral-summary-intro = The person has seen and approved the summary. Write briefly, in everyday words; at least one part.
referral-wants-label = What the person wants
referral-wants-hint = For example: wants to try woodwork, part-time.
referral-tried-label = What has been tried
referral-tried-hint = Earlier services and places, so that nothing starts from the beginning again.
referral-helps-label = What helps
referral-helps-hint = For example: clear written instructions, a quiet room.
referral-health-title = Health and work ability (optional)
referral-health-label = Notes on health or work ability
referral-health-hint = Only if the person wants them to go along. Needs a consent of its own.
referral-consents-legend = Consents
referral-consents-hint-coach = The client gives the consents to you in person; you are recorded as the one who took them. The referral and the summary need consent.
referral-consents-hint-self = The referral and the summary need your consent. You can withdraw any consent later.
referral-consent-coach-referral = The client agrees to the referral (read to them or by them)
referral-consent-coach-share_summary = The client agrees that the summary is sent
referral-consent-coach-share_health = The client agrees that the health notes are sent
referral-consent-coach-follow_up = The client agrees to follow-up questions
referral-consent-coach-statistics = The client agrees to statistics
referral-consent-self-referral = I agree to the referral
referral-consent-self-share_summary = I agree that the summary is sent
referral-consent-self-share_health = I agree that the health notes are sent
referral-consent-self-follow_up = I agree to follow-up questions
referral-consent-self-statistics = I agree to statistics
referral-send = Send the referral
referral-self-name = Myself
referral-sent = The referral has been sent. The receiver is told of it without its contents.
referral-already-open = This person already has an open referral to the same service or place, so no new one was made. Here it is.
referral-moved = The referral's state is saved and the other parties have been told.
referral-not-moved = The state was not changed: someone else changed it first, or the change is not yours to make. This is where it stands now.
referral-off-title = Referrals are not in use
referral-off-text = The operator has not set the encryption key that seals the referrals' summaries. Without it referrals can be neither sent nor read.
referral-no-target-title = Where does the referral go?
referral-no-target-text = A referral is made from the page of a service or an open place. Find the service or place and choose "Make a referral here" there.
referral-error-client = Choose the client the referral is for.
referral-error-consent = The referral and the summary both need consent.
referral-error-health-consent = Health notes can only be sent with a consent of their own: tick it or leave the field empty.
referral-error-too-long = The text is too long (at most 4000 characters).
referral-error-empty = Write at least one part of the summary.
referral-error-reason = Choose a reason.
referral-error-outcome = Choose an outcome.
referral-state = State
referral-you-are = You are
referral-party-sender = the sender
referral-party-receiver = the receiver
referral-party-person = the person themself
referral-steps = Steps
referral-moves = Next step
referral-choose = Choose
referral-reason-label = Reason
referral-outcome-label = Outcome
referral-direction = Direction
referral-incoming = Received
referral-outgoing = Sent
referral-changed = Changed
referral-target-gone = (a removed service or place)
referral-summary-closed = The summary cannot be read: its consent was withdrawn or has expired.
referral-health-closed = The health notes can no longer be read: their consent was withdrawn.
referral-state-sent = Sent
referral-state-accepted = Accepted
referral-state-declined = Declined
referral-state-started = Started
referral-state-completed = Completed
referral-state-cancelled = Cancelled
referral-do-accept = Accept the referral
referral-do-decline = Decline
referral-do-start = Mark as started
referral-do-complete = Mark as completed
referral-do-cancel = Cancel the referral
referral-reason-no_capacity = No room now
referral-reason-not_suitable = The service does not suit the person
referral-reason-person_declined = The person did not want it
referral-reason-no_contact = The person could not be reached
referral-reason-other = Another reason
outcome-work_open_market = Work on the open labour market
outcome-work_subsidised = Subsidised work (e.g. wage subsidy)
outcome-education = Education
outcome-other_service = Another service
outcome-paused = A pause
outcome-moved_away = Moved away
outcome-unknown = Not known
referral-mail-subject-sent = Kolmonen: a new referral
referral-mail-subject-accepted = Kolmonen: a referral was accepted
referral-mail-subject-declined = Kolmonen: a referral was declined
referral-mail-subject-started = Kolmonen: a referral's service has started
referral-mail-subject-completed = Kolmonen: a referral's service has ended
referral-mail-subject-cancelled = Kolmonen: a referral was cancelled
referral-mail-body = A referral's state has changed. See it here (sign in first):
    { $link }
clients-title = Clients
clients-intro = Your organization's clients you make referrals for. Record only what is needed: a name or initials are enough.
clients-none = No clients yet.
client-add-title = Add a client
client-add-intro = The person can later take the record over with a claim code you make on the client's page. Then they see their own path and consents.
client-display_name-label = Name or initials
client-display_name-hint = For example "M. K." – do not write a personal identity code.
client-birth_year-label = Year of birth (optional)
client-birth_year-hint = Four digits, for example 1988.
client-municipality-label = Home municipality (optional)
client-municipality-none = Not given
client-claim-label = Make a claim code
client-claim-hint = The code is shown once. Give it to the person on paper or send it; it works for 30 days. A new code replaces the old one.
client-add-button = Add the client
client-added = Added
client-added-notice = The client has been added.
client-account = Own account
client-claimed = The person has taken the record over
client-not-claimed = No own account yet
client-new-code = Make a claim code
client-code-notice = A new claim code has been made. The old code no longer works.
client-code-give = Give this code to the person. It is shown only now.
client-code-where = They type it in, signed in, at
client-refer-title = Make a referral
client-refer-continue = Go on to the referral
client-refer-how = A referral is made from the page of a service or an open place:
client-refer-search = find a service or place
client-consents-intro = If the person withdraws a consent with you, record it here. From then on nothing under it can be read or sent.
client-error-name = Write a name or initials.
client-error-name-long = The name is too long or has line breaks (at most 60 characters).
client-error-birth-year = Write the year of birth in four digits (the person must be 14 to 100 years old), or leave it empty.
client-error-municipality = Choose a municipality from the list.
consents-title = My consents
consents-intro = Here is every consent you have given and the text you saw. When you withdraw a consent, nothing under it can be read or sent from that moment.
consents-none = No consents.
consent-purpose-referral = Referral to a service
consent-purpose-share_summary = Sending the summary
consent-purpose-share_health = Sending health notes
consent-purpose-follow_up = Follow-up questions
consent-purpose-statistics = Statistics
consent-method-signed_in = given myself, signed in
consent-method-in_person = recorded in person by a coach
consent-state = State
consent-in-force = In force
consent-expired = Expired
consent-withdrawn = Withdrawn
consent-recipient = To whom
consent-recipient-any = Any organization I refer myself to
consent-given = Given
consent-expires = In force until
consent-text-shown = The text shown
consent-withdraw = Withdraw the consent
consent-withdrawn-notice = The consent has been withdrawn. Nothing under it can be read or sent any more.
path-title = My path
path-intro = All your steps on one timeline: referrals, services and places started and completed, and outcomes. You can print this page.
path-none = Your path has no steps yet.
follow-up-after-months = { $count ->
    [one] Follow-up after { $count } month
   *[other] Follow-up after { $count } months
}
claim-title = Take your record over
claim-intro = If your coach gave you a claim code, type it here. Then you see your own path and consents and can withdraw them.
claim-code-label = Claim code
claim-code-hint = Three groups of four characters, for example ABCD-EFGH-JKLM.
claim-button = Take my record over
claim-staff = The claim code is typed in by the person themself, on their own account.
claim-error-code = The code does not work: it is wrong, expired or already used. Ask your coach for a new one.
claim-error-throttled = Too many wrong codes. Wait a while and try again.
referral-make = Make a referral here
audit-you = You
role-system = The system
audit-purpose-referral = Referral
audit-purpose-consent = Consent
audit-purpose-path = Path
audit-purpose-export = Data export
audit-purpose-erasure = Erasure
audit-purpose-retention = Retention ended
audit-purpose-audit = Reading the log
audit-action-read = read
audit-action-create = created
audit-action-accept = accepted
audit-action-decline = declined
audit-action-start = started
audit-action-complete = completed
audit-action-cancel = cancelled
audit-action-withdraw = consent withdrawn
audit-action-claim = taken over
audit-action-erase = erased
audit-action-prune = old rows removed
audit-record-referral = referral
audit-record-consent = consent
audit-record-client = client record
audit-record-account = account
audit-record-audit_log = log
admin-audit-title = Log of personal data processing
admin-audit-intro = Every read and change of referrals, consents and paths: who, in which role, from which organization, for what purpose and when. The rows are chained with hashes, so an edited, deleted or moved row is found. You do not see the referrals' contents.
admin-audit-verify = Check the chain
admin-audit-filter = Filter
admin-audit-any = All
admin-audit-who = Who
admin-audit-what = What
admin-audit-record = Record
admin-audit-subject = Person
admin-audit-purpose-label = Purpose
admin-audit-action-label = Action
admin-audit-organization-label = Organization id
admin-audit-actor-label = User id
admin-audit-subject-label = Person (client record) id
admin-audit-count = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
admin-audit-holds = { $count ->
    [one] The chain holds: { $count } row checked.
   *[other] The chain holds: { $count } rows checked.
}
admin-audit-broken = The chain is broken at row { $count }. Tell the operator; the command kolmonen audit verify says the same.
impact-title = Impact
impact-intro = What came of the referrals across the whole network: where people were referred, how fast they were answered and where they are now. Only referrals whose person agreed to statistics, and which the receiving organization has answered, are counted.
impact-show = Show
impact-all = All
impact-all-kinds = All services and places
impact-all-municipalities = The whole country
impact-all-organizations = All organizations
impact-all-quarters = All time
impact-municipality-label = Municipality
impact-organization-label = Organization
impact-kind-label = Kind of service or place
impact-quarter-label = Quarter
impact-people = People (who agreed to statistics)
impact-referrals = Referrals
impact-median = Answer to a referral
impact-median-days = median { $days } days
impact-median-too-few = fewer than five answers: not shown
impact-small-cells = Counts are rounded to the nearest multiple of five. Counts under five read "<5". An "x" is a count hidden so that a small one cannot be worked out from the totals; it may be of any size. So no one can be identified.
impact-flow-title = Continuation paths
impact-flow-intro = Where people moved on to: from the first service started to the next, and after the last one completed to its outcome. The same figures are in the table below the picture.
impact-flow-svg = The continuation paths as a picture: where from on the left, where to on the right, the width of a band is the count.
impact-start = Start of the path
impact-kind-unknown = Kind not known
impact-total = Total
impact-empty = No figures for this selection.
impact-csv = Download the tables (CSV)
impact-json = The tables as data (JSON)
impact-table-states = Where the referrals stand now (declines by reason, completions by outcome)
impact-table-kinds = Referrals by kind of service or place
impact-table-quarters = Referrals by quarter
impact-table-flow = Continuation paths as a table
impact-table-follow_ups = Follow-up: where the person is 3, 6 and 12 months after completion
impact-error-municipality = Choose a municipality from the list.
impact-error-organization = Choose an organization from the list.
impact-error-kind = Choose a kind from the list.
impact-error-quarter = Choose a quarter from the list.
impact-quarter = Q{ $quarter } { $year }
impact-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
referral-mail-remind-receiver = Kolmonen: a referral is waiting for your answer
referral-mail-remind-sender = Kolmonen: a referral you sent has not been answered
follow-up-mail-subject = Kolmonen: where is the person now?
follow-up-mail-body = It is time to follow up what happened after a completed service. Answer with one choice here (sign in first):
    { $link }
follow-up-title = Follow-up
follow-up-answer = Save the answer
follow-up-saved = The follow-up answer is saved. Thank you!
follow-up-not-open = This follow-up cannot be answered now: it has been answered already or is not yours.
referral-follow_up_outcome-label = Where the person is now
audit-action-follow_up = follow-up answered
follow-up-question = { $count ->
    [one] { $count } month after completion: where is the person now?
   *[other] { $count } months after completion: where is the person now?
}
referral-mail-body-sent = You have a new referral in Kolmonen. Read and answer it here (sign in first):
    { $link }
client-code-title = Claim code
referrals-not-for-role-title = Referrals are not for this role
referrals-not-for-role-text = Referrals and clients are handled by the organizations' coaches and by the people themselves. The data protection officer sees the processing log, not the referrals' contents.
claim-done = The record is now yours. Here is your path; your consents are on the page My consents.
referral-self-summary-intro = Write briefly in your own words; at least one part. The receiver reads this.
referral-self-wants-label = What I want
referral-self-wants-hint = For example: I want to try woodwork, part-time.
referral-self-tried-label = What I have tried
referral-self-tried-hint = Earlier services and places, so that nothing starts from the beginning again.
referral-self-helps-label = What helps me
referral-self-helps-hint = For example: clear written instructions, a quiet room.
referral-self-health-label = Notes on my health or work ability
referral-self-health-hint = Only if you want them to go along. Needs a consent of its own.
admin-audit-error-choice = Choose from the list.
admin-audit-error-id = Write an id or its beginning (at least 8 characters: digits 0–9, letters a–f and dashes).
admin-audit-error-organization = Write the organization's whole id.
admin-audit-actor-hint = The whole id or its beginning, as in the table.
admin-audit-subject-hint = The whole id or its beginning, as in the table.
impact-too-few = This selection has fewer than 20 people, so no figures are shown: they could reveal a single person. Choose a wider selection.
referral-client-withdrawn = (consent withdrawn)

## Networks (issue 19)
networks-title = Networks
nav-networks = Networks
networks-intro = In a network, the region's associations, foundations and social enterprises work on employment together. An organization's admin can ask to join, and the network's coordinator accepts members.
networks-none = No networks have been founded yet.
networks-members-count = { $count ->
    [0] No members
    [one] 1 member
   *[other] { $count } members
}
networks-area = Area
networks-impact-link = Impact of the members' referrals
networks-members = Members
networks-members-none = The network has no members yet.
networks-member-since = member since
networks-asked = asked on
networks-requests = Requests to join
networks-requests-none = No requests are waiting.
networks-accept-button = Accept
networks-decline-button = Decline
networks-remove-button = Remove from the network
networks-own-member = Your organization is a member of the network.
networks-own-requested = Your organization has asked to join. The network's coordinator will answer.
networks-join-text = Your organization is not a member of the network. The request goes to the network's coordinator.
networks-join-button = Ask to join
networks-leave-button = Leave the network
networks-withdraw-button = Withdraw the request
networks-new-title = Found a network
networks-edit-title = Edit the network
networks-back = Back
networks-save-button = Save
networks-name-label = Name
networks-description-label = Description
networks-description-hint = What the network does and for whom. An empty line starts a new paragraph.
networks-municipalities-label = Municipalities of its area
networks-municipalities-hint = Names or numbers of the municipalities separated by commas, for example Lahti, Hollola, Asikkala.
networks-coordinators-label = Coordinators
networks-coordinators-hint = The coordinators' e-mail addresses, one per line. Each needs a coordinator's account in Kolmonen.
networks-error-name = Write the network's name.
networks-error-name-long = The name must be one line of at most 200 characters.
networks-error-description-long = The description is too long (at most 4,000 characters).
networks-error-municipality = These municipalities were not found: { $names }.
networks-error-municipalities-many = Too many municipalities (at most 60).
networks-error-coordinator = These addresses have no coordinator's account: { $names }.
networks-error-coordinators-many = Too many coordinators (at most 20).
networks-done-saved = The network was saved.
networks-done-requested = The request was sent to the coordinator.
networks-done-already = Your organization has asked already or is a member.
networks-done-left = Your organization is no longer in the network.
networks-done-accepted = The organization was accepted as a member.
networks-done-declined = The request was declined.
networks-done-removed = The organization was removed from the network.
networks-done-stale = Someone answered this already. The page shows how things stand now.
field-member-of-networks = Member of networks in Kolmonen
impact-network-label = Network
impact-error-network = Choose a network from the list.
impact-network-all = All networks
mail-network-request-subject = Kolmonen: { $organization } asks to join { $network }
mail-network-request-body = Hello,

    { $organization } asks to join the network { $network }. Accept or decline the request on the network's page:

    { $link }
mail-network-accepted-subject = Kolmonen: welcome to the network { $network }
mail-network-accepted-body = Hello,

    { $organization } is now a member of the network { $network }:

    { $link }
mail-network-removed-subject = Kolmonen: { $organization } was removed from { $network }
mail-network-removed-body = Hello,

    the coordinator of the network { $network } removed { $organization } from the network. You can ask to join again on the network's page:

    { $link }
mail-network-declined-subject = Kolmonen: the request to join { $network } was not accepted
mail-network-declined-body = Hello,

    the coordinator of the network { $network } did not accept the request of { $organization }. You can ask the coordinator or ask again on the network's page:

    { $link }
mail-network-left-subject = Kolmonen: { $organization } left the network { $network }
mail-network-left-body = Hello,

    { $organization } left the network { $network } or withdrew its request:

    { $link }
mail-network-named-subject = Kolmonen: you coordinate the network { $network }
mail-network-named-body = Hello,

    you were named a coordinator of the network { $network } in Kolmonen. On the network's page you answer requests to join and edit the network:

    { $link }
client-municipality-column = Home municipality
networks-error-name-taken = A network with the same name exists already. Choose another name.
networks-done-requested-nobody = The request was saved. The network has no coordinator yet, so it waits until Kolmonen's administrators name one.
networks-done-unverified = Your organization has not been verified yet, so it cannot ask to join a network. Kolmonen's administrators or a network coordinator verify new organizations.
networks-done-throttled = Your organization has asked to join too many times within an hour. Try again later.

## Events (issue 19)
nav-events = Events
events-title = Events
events-past-title = Past events
events-intro = Network meetings, workshops, recruitment fairs and open days. Filter by municipality, network or target group, and subscribe to the calendar.
events-none = No events with these choices.
events-filter-municipality-label = Municipality
events-filter-network-label = Network
events-filter-audience-label = Target group
events-filter-any = All
events-filter-button = Show events
events-past-link = Past events
events-upcoming-link = Upcoming events
events-feed-link = Subscribe as a calendar (iCalendar)
events-organizer = Organizer
events-cancelled = Cancelled
events-cancelled-text = This event has been cancelled.
events-past = ended
events-online = Online
events-upcoming-more = and { $count } more
events-upcoming-dates = Coming dates
events-add-to-calendar = Add to calendar
events-place = Place
events-municipality = Municipality
events-network = Network
events-audience = For whom
events-languages = Languages
events-cost = Price
events-free = Free of charge
events-accessibility = Accessibility
events-full = The places are full. You can join the waiting list.
events-places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
events-going-count = { $count ->
    [one] 1 coming
   *[other] { $count } coming
}
events-waiting-count = { $count ->
    [one] 1 waiting
   *[other] { $count } waiting
}
events-occurrences-count = { $count ->
    [one] once
   *[other] { $count } times
}
events-repeat-weekly = Every week
events-repeat-biweekly = Every other week
events-repeat-monthly = Once a month on the same weekday
events-manage = For the organizer
events-edit-title = Edit the event
events-new-title = New event
events-cancel-button = Cancel the event
events-signup-heading = Sign up
events-signup-name-label = Name
events-signup-email-label = E-mail
events-signup-email-hint = We send a confirmation link. Through the link you can also cancel your sign-up.
events-signup-needs-label = Special needs (optional)
events-signup-needs-hint = For example interpreting, a diet or a wheelchair place.
events-signup-privacy = Your name, e-mail and needs are seen only by the organizers, and they are deleted 30 days after the event.
events-signup-button = Sign up
events-signup-closed = You cannot sign up for this event through Kolmonen now.
events-signup-none = No sign-up is needed for this event: just come along.
events-your-signup = Your sign-up
events-withdraw-button = Cancel my sign-up
events-confirm-button = Confirm my sign-up
events-signup-title = Your sign-up
events-signup-unknown = The sign-up was not found. The link may be too old, or the event's participant data has been deleted already.
events-signup-done-confirmed = Your sign-up is confirmed. Your place is reserved.
events-signup-done-waiting = Your sign-up is confirmed. The places are full, so you are on the waiting list. We will tell you by e-mail if a place comes free.
events-signup-done-cancelled = Your sign-up has been cancelled.
events-state-pending = waiting for the e-mail to be confirmed
events-state-going = place reserved
events-state-waiting = on the waiting list
events-state-cancelled = cancelled
events-done-saved = The event has been saved.
events-done-cancelled = The event has been cancelled. Those signed up have been told.
events-done-signed-up = You have signed up. A confirmation has been sent to your e-mail.
events-done-confirm-sent = We sent a confirmation link to your e-mail. Your sign-up is valid once you have confirmed it.
events-done-waiting = The places are full, so you are on the waiting list. We will tell you by e-mail if a place comes free.
events-done-already = This e-mail address has already signed up for this event.
events-done-withdrawn = Your sign-up has been cancelled.
events-done-throttled = Many sign-ups have already been sent to this address within an hour. Please try again later.
events-done-closed = Sign-up for this event has ended.
events-back = Back
events-participants-title = Participants
events-participants-csv = Download the participants (CSV)
events-participants-none = No one has signed up yet.
events-participants-deleted = The participants' data is deleted on { $date }.
events-csv-name = Name
events-csv-email = E-mail
events-csv-needs = Special needs
events-csv-state = Status
events-csv-confirmed = Confirmed
events-kind-label = Kind of event
event-kind-network_meeting = Network meeting
event-kind-workshop = Workshop
event-kind-recruitment_fair = Recruitment fair
event-kind-open_day = Open day
event-kind-training = Training
event-kind-other = Other event
events-title-label = Name
events-description-label = Description
events-co_organizers-label = Other organizers (optional)
events-co_organizers-hint = The organizations' names or business IDs, one per line.
events-network-label = Network (optional)
events-network-none = No network
events-location-label = Place of business (optional)
events-location-none = No place of business
events-place-label = Place or address
events-place-hint = For example a room, or an address if the event is not at your place of business.
events-municipality-label = Municipality
events-municipality-hint = The municipality's name or number. The place of business's municipality if left empty.
events-online_url-label = Online link (optional)
events-online_url-hint = The address to join online, starting with https://.
events-when-legend = Time (Finnish time)
events-date-label = Date
events-date-hint = For example 10.3.2027.
events-start-label = Starts at
events-start-hint = For example 13.00.
events-end_date-label = End date (if another day)
events-end-label = Ends at
events-repeat-legend = Repeating
events-repeat-label = Repeats
events-repeat-option-none = Does not repeat
events-repeat-option-weekly = Every week
events-repeat-option-biweekly = Every other week
events-repeat-option-monthly = Once a month (same weekday)
events-until-label = Last date
events-count-label = or number of times
events-exceptions-label = Exception dates (optional)
events-exceptions-hint = Dates when the event is not held, separated by commas.
events-audience-label = Target groups
events-languages-label = Languages
events-language-fi = Finnish
events-language-sv = Swedish
events-language-en = English
events-language-other = another language
events-cost-label = Price (empty = free)
events-accessibility-label = Accessibility
events-accessibility-hint = For example step-free entrance, induction loop, interpreting.
events-capacity-label = Places (optional)
events-capacity-hint = When the places are full, those who sign up next join a waiting list.
events-signup-label = Sign-up through Kolmonen
events-save-button = Save the event
events-error-kind = Choose the kind of event.
events-error-title = Write the event's name.
events-error-too-long = The text is too long or has line breaks.
events-error-organizer = These organizations were not found: { $names }. Write the name exactly as in the directory, or the business ID.
events-error-organizers-many = An event can have at most 10 organizers.
events-error-organizers-unverified = You can name other organizers once a coordinator has checked your organization. Publish the event in your own name for now.
events-error-network-filter = The network was not found. Choose one from the list.
events-error-network = Choose a network your organization is a member of.
events-error-location = Choose one of your organization's places of business.
events-error-municipality = The municipality was not recognised. Write its name or number.
events-error-audience = The target group was not recognised.
events-error-online-url = Write a web address that starts with https://.
events-error-where = Say where the event is: a place of business, a place, a municipality or an online link.
events-error-date = Write the date.
events-error-date-form = Write the date as 10.3.2027.
events-error-time = Write the time as 13.00.
events-error-end-before-start = The end must be after the start.
events-error-too-many-days = One occurrence can last at most 14 days.
events-error-count = The number of times can be 1–260.
events-error-exception = An exception date was not recognised: { $names }. Write the dates as 10.3.2027.
events-error-repeat = Choose the repeating from the list.
events-error-series-end = Say when the repeating ends: a last date or a number of times.
events-error-empty-series = No occurrence is left for the repeating event. Check the last date and the exception dates.
events-error-series-range = A repeating event can run for at most two years, with at most 60 exception dates.
events-error-capacity = Write the number of places as a number 1–10000, or leave it empty.
events-error-name = Write your name.
events-error-name-long = The name is too long.
events-error-email = Write the e-mail address as name@example.fi.
events-error-needs-long = The special needs text is too long (at most 500 characters).
events-my-calendar-title = My events
events-mine-none = You have not signed up for any events.
events-feed-heading = My calendar feed
events-feed-text = The calendar feed shows your sign-ups in your phone's or computer's calendar. The address is secret: do not share it. If it has got into the wrong hands, make a new one and the old one stops working.
events-feed-address = The feed's address
events-feed-make = Make a calendar feed
events-feed-renew = Make a new address
events-feed-renewed = A new address has been made. The old one no longer works.
events-new-link = Add an event
mail-event-confirm-subject = Kolmonen: confirm your sign-up for { $event }
mail-event-confirm-body = Hello,

    someone signed up with this address for the event { $event } ({ $when }). Confirm the sign-up by opening the link:

    { $link }

    If you did not sign up, you can ignore this message.
mail-event-going-subject = Kolmonen: your place at { $event } is reserved
mail-event-going-body = Hello,

    your place at the event { $event } ({ $when }) is reserved. You can see or cancel your sign-up here:

    { $link }
mail-event-waiting-subject = Kolmonen: you are on the waiting list for { $event }
mail-event-waiting-body = Hello,

    the places at the event { $event } ({ $when }) are full, so you are on the waiting list. We will tell you if a place comes free. You can cancel your sign-up here:

    { $link }
mail-event-moved-up-subject = Kolmonen: a place came free at { $event }
mail-event-moved-up-body = Hello,

    a place came free for you at the event { $event } ({ $when }). If you cannot come, cancel your sign-up so the place goes to the next person:

    { $link }
mail-event-already-subject = Kolmonen: you have already signed up for { $event }
mail-event-already-body = Hello,

    this address has already signed up for { $event } ({ $when }). See, confirm or cancel it through this link:

    { $link }

    If you did not sign up yourself, you can ignore this message.
mail-event-withdrawn-subject = Kolmonen: your sign-up for { $event } is cancelled
mail-event-withdrawn-body = Hello,

    your sign-up for the event { $event } ({ $when }) has been cancelled.

    { $link }
mail-event-cancelled-subject = Kolmonen: the event { $event } is cancelled
mail-event-cancelled-body = Hello,

    the organizer has cancelled the event { $event } ({ $when }) you had signed up for. We are sorry.

    { $link }
mail-event-reminder-subject = Kolmonen: a reminder of tomorrow's event { $event }
mail-event-reminder-body = Hello,

    a reminder that you have signed up for tomorrow's event { $event } ({ $when }). If you cannot come, cancel your sign-up so the place goes to the next person:

    { $link }

## Network digests (issue 19)
networks-events = The network's upcoming events
networks-events-none = The network has no upcoming events.
networks-events-all = All the network's events
networks-events-ics = The events in your calendar (iCalendar)
networks-follow = Follow the network
networks-follow-text = Once a week, on Monday morning, you get an e-mail digest of the members' new open places and events. No message comes when nothing is new.
networks-follow-subscribe = Subscribe to the weekly digest
networks-digest-place = Place
digest-subscribe-title = Subscribe to the network's weekly digest
digest-subscribe-lead = Write your e-mail address. We send it a link to confirm the subscription. No account is needed.
digest-email-label = E-mail address
digest-privacy = Your address is used only to send the digest. Every message has a link that ends the subscription with one button. An unconfirmed subscription is deleted after a week.
digest-subscribe-button = Subscribe
digest-feed-link = The same news as a feed (Atom)
digest-error-email = Write the e-mail address in the form name@example.fi.
digest-done-sent = We sent a message to the address you wrote. The subscription starts when you confirm it with the link in the message. If the address has subscribed already, the message has a link to the subscription.
digest-done-throttled = Too many subscriptions have been made from this address or device within an hour. Please try again later.
digest-subscription-title = Weekly digest subscription
digest-subscription-active = The subscription is active: you get the digest on Monday mornings when there is something new in the network.
digest-subscription-pending = The subscription has not been confirmed yet.
digest-subscription-unknown = The subscription was not found. It may have been cancelled already, or the link is old.
digest-confirm-button = Confirm the subscription
digest-unsubscribe-button = Unsubscribe
digest-done-confirmed = The subscription is confirmed.
digest-done-unsubscribed = You are unsubscribed and no more digests are sent to your address. The address was deleted.
mail-digest-confirm-subject = Kolmonen: confirm your subscription to the weekly digest of { $network }
mail-digest-confirm-body = Hello,

    this address subscribed to the weekly digest of the network { $network } in Kolmonen. Confirm the subscription through this link:

    { $link }

    If you did not subscribe yourself, you can ignore this message: an unconfirmed subscription is deleted after a week.
mail-digest-already-subject = Kolmonen: you already subscribe to the weekly digest of { $network }
mail-digest-already-body = Hello,

    this address already subscribes to the weekly digest of the network { $network }. You can unsubscribe through this link:

    { $link }
mail-digest-subject = Kolmonen: weekly digest – { $network }
mail-digest-intro = Hello, here is what the members of the network { $network } added in { $period }.
mail-digest-places = { $count ->
    [one] A new open place
   *[other] New open places ({ $count })
}
mail-digest-events = { $count ->
    [one] A new event
   *[other] New events ({ $count })
}
mail-digest-projects = { $count ->
    [one] A new project
   *[other] New projects ({ $count })
}
mail-digest-articles = { $count ->
    [one] New in the knowledge bank
   *[other] New in the knowledge bank ({ $count })
}
mail-digest-more = The network's page: { $link }
mail-digest-unsubscribe = You get this message because you subscribed to the network's weekly digest. You can unsubscribe here: { $link }

## Project register: the CSV import's messages ($column, $value)
projects-csv-too-large = The file is too large: at most { $value } MB.
projects-csv-not-utf8 = The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.
projects-csv-unreadable = The row cannot be read as CSV (check the quotation marks).
projects-csv-unknown-column = Unknown column “{ $value }”. The columns are listed in the guide.
projects-csv-missing-column = The column “{ $value }” is missing.
projects-csv-too-many-rows = Too many rows: at most { $value } projects at a time.
projects-csv-required = The cell in column { $column } is empty: it is required.
projects-csv-too-long = The text in the column { $column } is too long.
projects-csv-too-many = Too many partners: at most { $value }.
projects-csv-duplicate-key = The key “{ $value }” is in the file twice.
projects-csv-key-taken = The key “{ $value }” already belongs to another organization's project.
projects-csv-lead-not-yours = You cannot add a project in the name of “{ $value }”.
projects-csv-ambiguous = Several organizations are called “{ $value }”: use the organization's id.
projects-csv-unknown-organization = There is no organization “{ $value }” in Kolmonen.
projects-csv-unknown-funder = Unknown funder “{ $value }”: use an id or name (e.g. stea, esr_plus, municipality) and separate several with semicolons.
projects-csv-bad-euros = “{ $value }” is not an amount in whole euros (e.g. 96 000 €).
projects-csv-bad-date = “{ $value }” is not a date (e.g. 2025-03-01 or 1.3.2025).
projects-csv-ends-before-start = The project ends ({ $value }) before it starts.
projects-csv-unknown-target-group = Unknown target group “{ $value }”: use an id or name from the page’s list and separate several with semicolons.
projects-csv-unknown-municipality = Unknown municipality “{ $value }” (municipality number or name).

## Project register: pages
projects-title = Project register
projects-intro = Who does what: the funded projects of the region's organizations and their partners, with their aims, funders and results.
projects-count = { $count ->
    [one] 1 project
   *[other] { $count } projects
}
projects-none = No projects with these filters.
projects-csv-link = Download the project register (CSV)
projects-organization = Organization
projects-filter-any = Any
projects-filter-button = Show projects
projects-filter-funder-label = Funder
projects-filter-status-label = Status
projects-filter-municipality-label = Municipality
projects-filter-municipality-hint = The municipality's name or number, e.g. Lahti or 398
projects-filter-target_group-label = Target group
projects-error-funder = Choose a funder from the list.
projects-error-status = Choose a status from the list.
projects-error-municipality = Municipality not found. Type its name or number, e.g. Lahti or 398.
projects-error-target-group = Choose a target group from the list.
projects-error-organization = The organization id is not valid.
projects-status-planned = Planned
projects-status-ongoing = Ongoing
projects-status-ended = Ended
projects-period-open = from { $date }
projects-field-period = Period
projects-field-funders = Funders
projects-field-lead = Lead organization
projects-field-partners = Partners
projects-field-budget = Budget
projects-field-municipalities = Municipalities
projects-field-aims = Aims
projects-field-results = Results
projects-field-contact-role = Contact (role)
projects-new-link = Add a project
projects-own-link = The organization's projects
projects-new-title = New project
projects-edit-title = Edit the project
projects-edit-link = Edit the project
projects-back = Back
projects-name-legend = The project's name
projects-name_fi-label = Name in Finnish
projects-name_sv-label = Name in Swedish (optional)
projects-name_en-label = Name in English (optional)
projects-partners-label = Partners (optional)
projects-partners-hint = One per line. The name of an organization in Kolmonen becomes a link; other names are shown as they are.
projects-funders-label = Funders
projects-funder_note-label = Funder details (optional)
projects-funder_note-hint = For example the funding programme or the grant's name.
projects-budget_eur-label = Budget in euros (optional)
projects-budget_eur-hint = In whole euros, e.g. 96000.
projects-starts_on-label = Starts
projects-starts_on-hint = For example 1.3.2025.
projects-ends_on-label = Ends (optional)
projects-ends_on-hint = Empty if no end date is set.
projects-municipalities-label = Municipalities (optional)
projects-municipalities-hint = Municipalities' names or numbers separated by commas, e.g. Lahti, Hollola.
projects-target_groups-label = Target groups
projects-texts-legend = Aims, contact and results
projects-aims_fi-label = Aims in Finnish
projects-aims_sv-label = Aims in Swedish (optional)
projects-aims_en-label = Aims in English (optional)
projects-contact_role_fi-label = The contact's role in Finnish
projects-contact_role_fi-hint = A job title, e.g. Workshop instructor – not the person's name.
projects-contact_role_sv-label = The contact's role in Swedish (optional)
projects-contact_role_en-label = The contact's role in English (optional)
projects-results_fi-label = Results in Finnish (optional)
projects-results_sv-label = Results in Swedish (optional)
projects-results_en-label = Results in English (optional)
projects-form-required = This is required.
projects-form-too-long = The text is too long.
projects-save-button = Save the project
projects-delete-legend = Delete the project
projects-delete-hint = The project leaves the register and search. This cannot be undone.
projects-delete-button = Delete the project for good
projects-deleted = The project was deleted.
projects-saved = The project was saved.

## Attachments of projects (and later articles)
attachments-title = Attachments
attachments-none = No attachments yet. Add reports, leaflets and results here.
attachments-title-label = Attachment name
attachments-title-hint = For example “Final report 2025”. At most 200 characters.
attachments-file-label = File
attachments-file-hint = PDF, Word (DOCX), OpenDocument text (ODT) or a PNG or JPEG image, at most 8 MB. If the file is refused, choose it again: the browser does not keep the choice.
attachments-upload = Add attachment
attachments-delete = Remove
attachments-added = Attachment added.
attachments-deleted = Attachment removed.
attachments-size-kb = { $size } KB
attachments-size-mb = { $size } MB
attachments-error-title = Write a name for the attachment.
attachments-error-title-long = The name is too long (at most 200 characters).
attachments-error-full = There are already 20 attachments. Remove one before adding another.
attachments-error-file = Choose a file.
attachments-error-size = The file is too big. At most 8 MB.
attachments-error-type = The file is not a PDF, DOCX, ODT, PNG or JPEG, or it would fetch something from elsewhere when opened. Its type is recognised from its content, not its name. Word files with macros, embedded programs, a remote template or pictures fetched from the web are not accepted.

## Knowledge bank
articles-title = Knowledge bank
articles-intro = Good practices, guides, templates and reports that the organizations have written for each other. You may use them under their licence.
articles-count = { $count ->
    [one] 1 article
   *[other] { $count } articles
}
articles-none = No articles with these filters.
articles-organization = Written by
articles-filter-button = Show
articles-filter-any = Any
articles-filter-kind-label = Kind
articles-filter-topic-label = Topic
articles-filter-target_group-label = For whom
articles-error-filter = There is no such choice. Choose from the list.
articles-kind-good_practice = Good practice
articles-kind-guide = Guide
articles-kind-template = Template
articles-kind-report = Report
articles-lang-fi = in Finnish
articles-lang-sv = in Swedish
articles-lang-en = in English
search-type-article = Knowledge bank
articles-field-kind = Kind
articles-field-updated = Updated
articles-field-authors = Written by
articles-updated = updated { $date }
articles-saved = Article saved.
articles-deleted = Article removed.
articles-edit-link = Edit the article
articles-topics-label = Topics
articles-target_groups-label = For whom
articles-licence-label = Licence
articles-licence-cc-by-4-0 = CC BY 4.0 (attribution)
articles-licence-cc-by-sa-4-0 = CC BY-SA 4.0 (attribution, share alike)
articles-licence-cc0-1-0 = CC0 1.0 (free use)
articles-history-link = Version history: who changed what
articles-related = On the same topics
articles-related-services = Services on the same topics
articles-back = Back
articles-history-title = Version history: { $title }
articles-history-intro = Every save is a version of its own. Added lines are marked with a plus and removed ones with a minus.
articles-history-version = Version { $version }
articles-history-someone = A removed organization
articles-history-title-changed = The title changed
articles-history-added = added
articles-history-removed = removed
articles-new-title = A new article for the knowledge bank
articles-edit-title = Edit the article
articles-new-link = Write for the knowledge bank
articles-own-link = Your articles in the knowledge bank
articles-title-label = Title
articles-kind-label = Kind
articles-lang-label = Language the article is written in
articles-body-label = Text
articles-body-hint = Write in Markdown: ## subheading, **bold**, - list, [link text](https://address.fi). HTML code shows as text. Do not write the names of clients or other people.
articles-licence-hint = On what terms others may use the article.
articles-note-label = What you changed (optional)
articles-note-hint = Shown in the version history, for example “Updated to the 2026 guidance”.
articles-save-button = Save
articles-delete-legend = Remove the article
articles-delete-hint = The article, its versions and attachments are removed for good.
articles-delete-button = Remove the article
articles-error-required = This is required.
articles-error-too-long = The text is too long (at most { $value } characters).
articles-error-kind = Choose a kind from the list.
articles-error-lang = Choose a language from the list.
articles-error-licence = Choose a licence from the list.
articles-error-term = Unknown choice “{ $value }”.
articles-error-conflict = Someone saved a newer version of the article while you were editing it. Your text is kept below but not saved yet: see in the version history what changed, then save again.
attachments-error-broken = The picture could not be read. Save it again in an image editor or on your phone, then try again.
portfolio-error-broken = The picture could not be read. Save it again in an image editor or on your phone, then try again.
projects-form-funders-required = Choose at least one funder.
municipality-on-this-page = On this page
networks-projects = Members' ongoing projects
networks-projects-none = The members have no ongoing projects in the register.
networks-articles = Members' latest articles in the knowledge bank
networks-articles-none = The members have not written for the knowledge bank yet.
articles-error-nesting = Too many quotes and lists inside each other (at most { $value }).

## Project register: loading a spreadsheet
projects-import-title = Import projects from a spreadsheet
projects-import-link = Import projects from a spreadsheet (CSV)
projects-import-file-title = Choose a file
projects-import-intro = Import the region's current project list as a CSV file: one row per project. The file is checked first, and nothing is saved until every row is right and you confirm the import. Importing the same file again updates the same projects (the key column).
projects-import-file-label = CSV file
projects-import-file-hint = UTF-8 CSV separated by commas or semicolons, at most 5 MB and 5,000 rows. You can only import projects your own organization leads.
projects-import-check-button = Check the file
projects-import-no-file = Choose the CSV file to import (none was chosen, or it is empty).
projects-import-rejected = { $count ->
    [one] The file has 1 error: nothing was saved.
   *[other] The file has { $count } errors: nothing was saved.
}
projects-import-errors-title = To correct
projects-import-errors-hint = Correct these cells in your spreadsheet program and import the file again. Line 1 is the header.
projects-import-line = Line
projects-import-column = Column
projects-import-problem = Problem
projects-import-more = { $count ->
    [one] …and 1 more error.
   *[other] …and { $count } more errors.
}
projects-import-preview-title = The file is fine: check what the import will do
projects-import-done-title = The projects were imported
projects-import-added = { $count ->
    [one] 1 new
   *[other] { $count } new
}
projects-import-updated = { $count ->
    [one] 1 to change
   *[other] { $count } to change
}
projects-import-unchanged = { $count ->
    [one] 1 unchanged
   *[other] { $count } unchanged
}
projects-import-added-list = New projects
projects-import-updated-list = Projects that change
projects-import-nothing = The file has nothing new: every project is in the register as it is.
projects-import-load-button = Import the projects into the register
projects-import-to-list = To the project register
projects-import-columns-title = Columns
projects-import-columns-hint = Required columns are key, name_fi, lead, funders and starts_on. Lists (partners, funders, target groups, municipalities) are separated by semicolons. The register's download is a ready template.
projects-import-template-link = Download the project register as a template (CSV)
projects-csv-extra-cells = The row has more cells than the header has columns (extra “{ $value }”). Give the column a header or remove the cell.
projects-csv-no-rows = The file has only a header: no projects.
projects-import-changes = Columns that change: { $columns }
projects-import-funders-title = Funders (id or name)
projects-import-target-groups-title = Target groups (id or name)
projects-csv-duplicate-column = The column “{ $value }” is in the header more than once.
projects-csv-bad-key = The key has a control or invisible character: use only letters, digits and punctuation.
